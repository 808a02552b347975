package io.anomalyscore.scoring;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that maps exceptions to {@code application/problem+json} (RFC 9457): request
 * errors to 4xx with a fixed detail text (never a stack trace, class name or submitted value),
 * anything else to a 500 whose cause goes to the log only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRecords(InvalidRecordsException e) {
        ProblemType t = ProblemType.INVALID_RECORDS;
        List<RecordError> errors = e.errors().isEmpty() ? null : e.errors();
        return respond(new Problem(t.uri(), t.title(), t.status(), e.getMessage(), errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(MalformedJsonException e) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e) {
        return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** Quarkus's own 404, 405, 406, 415 and other HTTP errors. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder response = builder(new Problem(type.uri(), type.title(), status, detail(type), null));
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        LOG.error("Scoring request failed", e);
        return respond(Problem.of(ProblemType.INTERNAL, "the request could not be processed; the cause is logged"));
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "no resource at this path; the API is POST /v1/score and GET /v1/model";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this path; the API is POST /v1/score and GET /v1/model";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case NOT_ACCEPTABLE -> "responses are application/json";
            default -> "the request cannot be processed";
        };
    }

    private static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
