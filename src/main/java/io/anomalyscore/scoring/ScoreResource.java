package io.anomalyscore.scoring;

import io.anomalyscore.scoring.telemetry.Invocation;
import io.anomalyscore.scoring.telemetry.InvocationTelemetry;
import io.anomalyscore.scoring.telemetry.LambdaRequestId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * API v1: {@code POST /v1/score} and {@code GET /v1/model}. Thin: the body goes to {@link
 * ScoringService} unparsed so it can name the record and feature of every violation. Every scoring
 * request, scored or not, is recorded once by {@link InvocationTelemetry} (counts and time only).
 */
@Path("/v1")
public class ScoreResource {

    private final ScoringService service;
    private final InvocationTelemetry telemetry;

    public ScoreResource(ScoringService service, InvocationTelemetry telemetry) {
        this.service = service;
        this.telemetry = telemetry;
    }

    /**
     * Scores {@code {"records": [...]}} (or, for a window model, {@code {"series": [...]}});
     * {@code ?explain=true} or {@code "explain": true} adds contributions. A Distributed Map batch,
     * which only a direct Lambda invocation can send (the event reader sets {@code payload}), is
     * scored by {@link ScoringService#scoreBatch}.
     */
    @POST
    @Path("/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Object score(InputStream body, @QueryParam("explain") boolean explain,
            @HeaderParam(ItemBatchParser.HEADER) String payload, @Context HttpServerRequest http) {
        long start = System.nanoTime();
        String requestId = LambdaRequestId.of(http);
        Object response;
        try {
            response = ItemBatchParser.VALUE.equals(payload) ? service.scoreBatch(body) : service.respond(body, explain);
        } catch (RuntimeException e) {
            telemetry.record(requestId, outcome(e), 0, 0, start);
            throw e;
        }
        if (response instanceof ScoreResponse r) {
            int anomalies = (int) r.results().stream().filter(ScoreResponse.Result::anomaly).count();
            telemetry.record(requestId, Invocation.Outcome.SCORED, r.results().size(), anomalies, start);
        } else if (response instanceof BatchResponse r) {
            telemetry.record(requestId, Invocation.Outcome.SCORED, r.rows(), r.anomalies(), start);
        } else if (response instanceof SeriesResponse r) {
            int anomalies = (int) r.results().stream().filter(SeriesResponse.Step::anomaly).count();
            telemetry.record(requestId, Invocation.Outcome.SCORED, r.results().size(), anomalies, start);
        }
        return response;
    }

    /** Rejected: the exceptions ProblemMappers answers with a 4xx; anything else failed (500). */
    private static Invocation.Outcome outcome(RuntimeException e) {
        boolean rejected = e instanceof InvalidRecordsException || e instanceof MalformedJsonException
                || e instanceof PayloadTooLargeException
                || e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500;
        return rejected ? Invocation.Outcome.REJECTED : Invocation.Outcome.FAILED;
    }

    /** The served model's summary. */
    @GET
    @Path("/model")
    @Produces(MediaType.APPLICATION_JSON)
    public ModelSummary model() {
        return service.model();
    }
}
