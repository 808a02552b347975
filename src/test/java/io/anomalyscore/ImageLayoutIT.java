package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.deploy.ImageLayout;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container-image option (deploy/Dockerfile), tested in its file layout without Docker:
 * {@code deploy/image/prepare-layout.sh} (the script the Dockerfile's build stage runs) turns
 * {@code target/function.zip} into the image's {@code /var/task} and {@code /opt/libtorch}; both are
 * made read-only, and the function is started from them by the AWS runtime interface client with the
 * Dockerfile's ENV and CMD plus template.yaml's variables, as the unprivileged user {@code nobody}
 * (uid 65534, via setpriv) when this JVM is root, with a fresh empty /tmp stand-in and an unwritable
 * HOME. Every event of deploy/events/ must give its expected result, and afterwards DJL must have
 * written nothing: no libtorch copy in the cache, no change in the task folder or libtorch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ImageLayoutIT {

    private static final int NOBODY = 65534;

    private static PackagedFunction function;
    private static ImageLayout layout;
    private static Path tmp;
    private static Map<String, Long> before;
    private static boolean unprivileged;

    @BeforeAll
    static void startFunction() throws Exception {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path zip = PackagedFunction.functionZip(target);
        Path ricDir = PackagedFunction.ricDir(target);

        SamTemplate template = SamTemplate.load();
        assertThat(ImageLayout.dockerfileCmd()).as("the Dockerfile's CMD is template.yaml's handler")
                .containsExactly(template.handler());

        layout = ImageLayout.prepare(zip, target.resolve("image-layout")); // leaves both trees read-only
        try (Stream<Path> lib = Files.list(layout.task().resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .as("jars in /var/task/lib").anyMatch(n -> n.contains("pytorch-jni"))
                    .noneMatch(n -> n.contains("pytorch-native-cpu"));
        }
        assertThat(layout.libtorch().resolve("libtorch_cpu.so")).isRegularFile();
        assertThat(layout.libtorch().resolve("libdjl_torch.so")).isRegularFile();
        before = snapshot(layout.task().getParent());

        // The /tmp stand-in: fresh, empty, writable by the function's user (like Lambda's /tmp).
        tmp = Files.createTempDirectory(target, "image-tmp-");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));

        List<String> launcher = new ArrayList<>();
        unprivileged = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
        if (unprivileged) { // root ignores the read-only bits: run as nobody so they count
            launcher.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        Map<String, String> env = layout.environment(template, tmp);
        env.put("HOME", "/nonexistent"); // nobody's home: does not exist, cannot be created
        // The runtime client unpacks its JNI library to a fixed /tmp/.libaws-lambda-jni.so, which an earlier
        // root run may own; Lambda's runtime has it preinstalled in /var/runtime. Point it at a read-only copy.
        Path ricJni = ricJniLibrary(ricDir, target.resolve("image-ric-jni"));
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp
                + " -Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + ricJni);
        function = PackagedFunction.start(launcher, layout.task(), ricDir, template.handler(), env,
                target.resolve("image-layout-it.log"));
    }

    @AfterAll
    static void stopFunction() throws Exception {
        if (function != null) {
            function.close();
        }
        Folders.delete(tmp);
        // target/image-layout is left in place (read-only) for inspection; prepare-layout.sh replaces it.
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyDeployEventGetsTheExpectedResult() throws IOException {
        return function.everyDeployEvent();
    }

    @Test
    @Order(2)
    void ranUnprivilegedAndWroteNothing() throws Exception {
        if (unprivileged) {
            String status = Files.readString(Path.of("/proc", String.valueOf(function.pid()), "status"));
            assertThat(status).as("the function runs as nobody").containsPattern("(?m)^Uid:\\s+" + NOBODY + "\\s");
        }
        assertThat(snapshot(layout.task().getParent())).as("task folder and libtorch unchanged").isEqualTo(before);
        Map<String, Long> written = snapshot(tmp);
        Path cache = tmp.resolve("djl");
        List<String> inCache = written.keySet().stream().filter(p -> p.startsWith(tmp.relativize(cache) + "/")).toList();
        assertThat(inCache).as("files DJL wrote into DJL_CACHE_DIR (libtorch and libdjl_torch.so are loaded in place)")
                .isEmpty();
        assertThat(written.keySet()).as("nothing named like libtorch anywhere under the /tmp stand-in")
                .noneMatch(p -> p.contains("libtorch") || p.contains("libdjl_torch") || p.contains("libc10"));
    }

    @Test
    @Order(3)
    void leavesQuarkusPreloadListOut() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(layout.task().resolve("lib/function.jar").toFile())) {
            assertThat(jar.getEntry("META-INF/quarkus-generated-preload-classes.txt"))
                    .as("the image cannot use SnapStart: no class preloading (prepare-layout.sh)").isNull();
            assertThat(jar.getEntry("io/anomalyscore/scoring/ScoreResource.class")).as("the function's classes").isNotNull();
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(PackagedFunction.functionZip(SamTemplate.projectRoot().resolve("target")).toFile())) {
            assertThat(zip.getEntry("META-INF/quarkus-generated-preload-classes.txt"))
                    .as("the zip keeps it, for SnapStart").isNotNull();
        }
    }

    /** The runtime client's x86_64 JNI library, copied out of its jar (the runtime's part, not the function's). */
    private static Path ricJniLibrary(Path ricDir, Path dir) throws IOException {
        Path lib = dir.resolve("libaws-lambda-jni.so");
        if (Files.exists(lib)) {
            return lib;
        }
        Files.createDirectories(dir);
        try (Stream<Path> jars = Files.list(ricDir)) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                try (var in = zip.getInputStream(zip.getEntry("jni/libaws-lambda-jni.linux-x86_64.so"))) {
                    Files.copy(in, lib);
                }
            }
        }
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("r-xr-xr-x"));
        return lib;
    }

    /** Relative path of every regular file -> size, plus its modification time folded in. */
    private static Map<String, Long> snapshot(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString(),
                            Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }
}
