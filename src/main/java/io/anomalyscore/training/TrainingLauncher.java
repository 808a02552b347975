package io.anomalyscore.training;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The entry point of {@code anomaly-train.jar}: {@code models ...} runs {@link ModelsCommand}, anything
 * else {@link TrainCommand} (an optional leading {@code train} word is dropped, so a container can name the
 * command it runs). Before either starts, DJL is made offline unless {@code -Dai.djl.offline} or {@code
 * DJL_OFFLINE} says otherwise: libtorch is inside the jar and nothing may be downloaded at run time. The
 * exit code is the command's.
 */
public final class TrainingLauncher {

    /** The first argument that selects {@link ModelsCommand}. */
    static final String MODELS = "models";
    /** An optional first argument that selects {@link TrainCommand} explicitly. */
    static final String TRAIN = "train";

    private TrainingLauncher() {}

    public static void main(String[] args) {
        defaultSystemProperties(System::getenv);
        if (isHelp(args)) {
            System.exit(help(System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(MODELS)) {
            ModelsCommand.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            TrainCommand.main(args.length > 0 && args[0].equals(TRAIN) ? Arrays.copyOfRange(args, 1, args.length) : args);
        }
    }

    /**
     * DJL offline unless the caller chose ({@code -Dai.djl.offline} or {@code DJL_OFFLINE}); DJL's own log
     * lines (SLF4J's simple backend, to stderr) at {@code warn} unless {@code
     * -Dorg.slf4j.simpleLogger.defaultLogLevel} says otherwise. The commands print their own progress and
     * errors.
     */
    static void defaultSystemProperties(Function<String, String> env) {
        if (System.getProperty("ai.djl.offline") == null && env.apply("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private static boolean isHelp(String[] args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /** The training command's help, then a pointer to the models command that shares the jar. */
    static int help(PrintStream out, PrintStream err) {
        int code = TrainCommand.execute(out, err, "--help");
        out.printf("%nModel versions (list, promote, rollback), from the same jar:%n"
                + "  java -jar anomaly-train.jar models --repository REPO list|promote VERSION|rollback"
                + "   (models --help)%n");
        return code;
    }
}
