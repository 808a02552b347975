package io.anomalyscore.sequence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The function serving a {@code conv-autoencoder} model. */
@QuarkusTest
@TestProfile(ConvServingTest.Served.class)
class ConvServingTest extends SeriesServingContract {

    /** Serves a freshly trained {@code conv-autoencoder}. */
    public static class Served extends Profile {
        @Override
        String detector() {
            return "conv-autoencoder";
        }
    }

    @Override
    String detector() {
        return "conv-autoencoder";
    }
}
