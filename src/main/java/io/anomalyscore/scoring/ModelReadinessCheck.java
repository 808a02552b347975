package io.anomalyscore.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the model is loaded: {@code /q/health/ready}. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ModelProducer producer;

    public ModelReadinessCheck(ModelProducer producer) {
        this.producer = producer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model").status(producer.isLoaded()).build();
    }
}
