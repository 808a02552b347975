package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.deploy.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform profiles of pom.xml resolve on a machine of another platform: for each one, Maven
 * (started as a child process with the profile activated explicitly, as its OS and architecture
 * would) puts that platform's libtorch jar on the runtime classpath next to the Lambda's
 * linux-x86_64 one, and the jar holds that platform's libtorch. The JNI bridge for every platform
 * is in the one {@code pytorch-jni} jar. Only linux-x86_64 can load libtorch on this machine, so
 * this checks resolution and contents, not loading; {@code bench/check-platform-package.sh} checks
 * that such a build still packages only the Lambda's libtorch.
 */
class PlatformNativesIT {

    @ParameterizedTest
    @CsvSource({
        "platform-linux-aarch64, linux-aarch64, libtorch_cpu.so, libdjl_torch.so",
        "platform-osx-aarch64,   osx-aarch64,   libtorch_cpu.dylib, libdjl_torch.dylib",
        "platform-win-x86_64,    win-x86_64,    torch_cpu.dll, djl_torch.dll"})
    void profileResolvesItsPlatformsLibtorch(String profile, String classifier, String libtorch, String jni)
            throws Exception {
        List<Path> classpath = runtimeClasspath(profile);
        Path nativeJar = classpath.stream()
                .filter(p -> p.getFileName().toString().equals("pytorch-native-cpu-2.7.1-" + classifier + ".jar"))
                .findFirst().orElseThrow(() -> new AssertionError(profile + " lacks " + classifier + ": " + classpath));
        assertThat(classpath).as("the Lambda's libtorch stays on the classpath")
                .anyMatch(p -> p.getFileName().toString().equals("pytorch-native-cpu-2.7.1-linux-x86_64.jar"));
        try (ZipFile zip = new ZipFile(nativeJar.toFile())) {
            assertThat(zip.getEntry("pytorch/cpu/" + classifier + "/" + libtorch)).as(libtorch).isNotNull();
        }
        Path jniJar = classpath.stream().filter(p -> p.getFileName().toString().startsWith("pytorch-jni-"))
                .findFirst().orElseThrow();
        try (ZipFile zip = new ZipFile(jniJar.toFile())) {
            assertThat(zip.getEntry("jnilib/" + classifier + "/cpu/" + jni)).as(jni).isNotNull();
        }
    }

    private static List<Path> runtimeClasspath(String profile) throws IOException, InterruptedException {
        Path root = SamTemplate.projectRoot();
        Path out = Files.createTempFile(root.resolve("target"), "classpath-" + profile + "-", ".txt");
        Path log = Files.createTempFile(root.resolve("target"), "classpath-" + profile + "-", ".log");
        Process maven = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-q", "-P" + profile,
                "dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + out)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(maven.waitFor(10, TimeUnit.MINUTES)).as("maven finished").isTrue();
        assertThat(maven.exitValue()).as("maven exit code; its output: %s", Files.readString(log)).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8).strip();
        return Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }
}
