package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactFormatException;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.ArtifactStore;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.ModelRepository;
import io.anomalyscore.storage.Promotions;
import io.anomalyscore.storage.S3Clients;
import io.anomalyscore.storage.S3Settings;
import io.anomalyscore.storage.StorageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The model repository command: list the versions, promote one to {@code LATEST}, roll back.
 * Exit codes: 0 success, 2 usage error, refused change or storage error (HISTORY and LATEST as they
 * were), 1 other failure.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists, promotes and rolls back the versions of a model repository.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Promote.class, ModelsCommand.Rollback.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error, refused change or storage error (HISTORY and LATEST as they were)",
            "1:other failure"})
public final class ModelsCommand {

    @Option(names = {"-r", "--repository"}, required = true, scope = CommandLine.ScopeType.INHERIT,
            paramLabel = "REPO", description = "Model repository: a local folder or s3://bucket/prefix.")
    String repository;

    private final PrintStream out;
    private final ArtifactStores stores;

    ModelsCommand(PrintStream out, ArtifactStores stores) {
        this.out = out;
        this.stores = stores;
    }

    public static void main(String[] args) {
        ArtifactStores stores = new ArtifactStores(() -> S3Clients.create(S3Settings.fromEnvironment()));
        System.exit(execute(System.out, System.err, stores, args));
    }

    /** Runs the command with the given streams and stores and returns its exit code. */
    public static int execute(PrintStream out, PrintStream err, ArtifactStores stores, String... args) {
        CommandLine cli = new CommandLine(new ModelsCommand(out, stores));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean refused = e instanceof StorageException;
            err.println("error: " + (refused ? e.getMessage() : e));
            if (!refused) {
                e.printStackTrace(err);
            }
            return refused ? 2 : 1;
        });
        return cli.execute(args);
    }

    private Promotions promotions() {
        ArtifactStore store = stores.forLocation(repository);
        return new Promotions(store, repository);
    }

    /** {@code models list}: one line per version, the current one marked. */
    @Command(name = "list", description = "Lists the versions: created, detector and the headline metrics"
            + " (test split, else validation, else training); * marks LATEST.")
    static final class ListVersions implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @Override
        public Integer call() throws Exception {
            ModelRepository repo = parent.promotions().repository();
            Optional<String> latest = repo.latest();
            parent.out.printf("  %-16s  %-20s  %-14s  %s%n", "VERSION", "CREATED", "DETECTOR", "HEADLINE METRICS");
            for (String version : repo.versions()) {
                String mark = latest.filter(version::equals).isPresent() ? "*" : " ";
                try {
                    ArtifactManifest manifest = ModelArtifact.parseManifest(repo.manifest(version));
                    parent.out.printf("%s %-16s  %-20s  %-14s  %s%n", mark, version, manifest.createdAt(),
                            manifest.detector(), VersionMetrics.headline(manifest));
                } catch (ArtifactFormatException e) {
                    parent.out.printf("%s %-16s  invalid manifest: %s%n", mark, version, e.getMessage());
                }
            }
            return 0;
        }
    }

    /** {@code models promote VERSION}. */
    @Command(name = "promote", description = "Verifies VERSION, records it in HISTORY and points LATEST at it.")
    static final class Promote implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(paramLabel = "VERSION", description = "The version to serve.")
        String version;

        @Option(names = "--reason", defaultValue = "promoted", description = "Why, recorded in HISTORY.")
        String reason;

        @Override
        public Integer call() throws Exception {
            boolean moved = parent.promotions().promote(version, reason);
            parent.out.println(moved ? "LATEST now names " + version : "LATEST already names " + version);
            return 0;
        }
    }

    /** {@code models rollback}. */
    @Command(name = "rollback", description = "Undoes the last promotion recorded in HISTORY:"
            + " LATEST returns to the version promoted before.")
    static final class Rollback implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @Option(names = "--reason", defaultValue = "rolled back", description = "Why, recorded in HISTORY.")
        String reason;

        @Override
        public Integer call() throws Exception {
            parent.out.println("LATEST now names " + parent.promotions().rollback(reason));
            return 0;
        }
    }
}
