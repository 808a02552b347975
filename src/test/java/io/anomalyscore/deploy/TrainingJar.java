package io.anomalyscore.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code target/anomaly-train.jar} run as its users run it: {@code java -jar} in a child JVM of this
 * JDK, with no Maven, no test classpath and no inherited AWS or DJL settings, only the environment given.
 */
public final class TrainingJar {

    private static final long TIMEOUT_SECONDS = 600;

    private final Path jar;
    private final Path djlCache;

    /** The run's exit code and its two streams. */
    public record Run(int exitCode, String out, String err) {
        /** Both streams, for assertion messages. */
        public String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private TrainingJar(Path jar, Path djlCache) {
        this.jar = jar;
        this.djlCache = djlCache;
    }

    /** The packaged jar; libtorch extracted (once, from the jar) into {@code target/train-jar-djl}. */
    public static TrainingJar packaged() {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path jar = target.resolve("anomaly-train.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run ./mvnw package first");
        }
        return new TrainingJar(jar, target.resolve("train-jar-djl"));
    }

    public Path jar() {
        return jar;
    }

    public Path djlCache() {
        return djlCache;
    }

    /** {@code java -jar anomaly-train.jar ARGS} in {@code workDir}, with {@code environment} added. */
    public Run run(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "jar-", ".out");
        Path err = Files.createTempFile(workDir, "jar-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("DJL_")
                || name.startsWith("ANOMALY_") || name.startsWith("PYTORCH_") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("CLASSPATH") || name.equals("MAVEN_OPTS"));
        pb.environment().put("DJL_CACHE_DIR", djlCache.toString());
        pb.environment().putAll(environment);
        Process process = pb.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("java -jar " + jar + " " + String.join(" ", args) + " ran over "
                    + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
