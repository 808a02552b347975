package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window model trained with {@code --no-promote} is published beside the served one, which stays. */
class SeriesPromotionTest {

    @TempDir
    Path repo;

    @Test
    void noPromoteLeavesLatestAsItWas() throws IOException {
        Path served = SeriesFixture.train("conv-autoencoder", repo);
        SeriesFixture.train("conv-autoencoder", repo, "--seed", "7", "--no-promote");

        assertThat(Files.readString(repo.resolve("LATEST")).strip()).isEqualTo(served.getFileName().toString());
        try (var versions = Files.list(repo)) {
            assertThat(versions.filter(Files::isDirectory)).hasSize(2);
        }
    }
}
