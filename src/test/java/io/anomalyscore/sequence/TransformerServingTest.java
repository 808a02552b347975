package io.anomalyscore.sequence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The function serving a {@code transformer-autoencoder} model. */
@QuarkusTest
@TestProfile(TransformerServingTest.Served.class)
class TransformerServingTest extends SeriesServingContract {

    /** Serves a freshly trained {@code transformer-autoencoder}. */
    public static class Served extends Profile {
        @Override
        String detector() {
            return "transformer-autoencoder";
        }
    }

    @Override
    String detector() {
        return "transformer-autoencoder";
    }
}
