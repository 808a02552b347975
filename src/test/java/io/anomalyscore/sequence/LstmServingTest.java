package io.anomalyscore.sequence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The function serving a {@code lstm-autoencoder} model. */
@QuarkusTest
@TestProfile(LstmServingTest.Served.class)
class LstmServingTest extends SeriesServingContract {

    /** Serves a freshly trained {@code lstm-autoencoder}. */
    public static class Served extends Profile {
        @Override
        String detector() {
            return "lstm-autoencoder";
        }
    }

    @Override
    String detector() {
        return "lstm-autoencoder";
    }
}
