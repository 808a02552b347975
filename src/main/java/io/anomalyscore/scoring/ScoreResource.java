package io.anomalyscore.scoring;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * API v1: {@code POST /v1/score} and {@code GET /v1/model}. Thin: the body goes to {@link
 * ScoringService} unparsed so it can name the record and feature of every violation.
 */
@Path("/v1")
public class ScoreResource {

    private final ScoringService service;

    public ScoreResource(ScoringService service) {
        this.service = service;
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
            @HeaderParam(ItemBatchParser.HEADER) String payload) {
        if (ItemBatchParser.VALUE.equals(payload)) {
            return service.scoreBatch(body);
        }
        return service.respond(body, explain);
    }

    /** The served model's summary. */
    @GET
    @Path("/model")
    @Produces(MediaType.APPLICATION_JSON)
    public ModelSummary model() {
        return service.model();
    }
}
