package io.anomalyscore.scoring.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.scoring.Problem;
import io.anomalyscore.scoring.ProblemType;
import java.io.IOException;

/**
 * A failed direct invocation. The Lambda runtime reports it with {@code errorType} = the concrete
 * class's name (one class per problem type) and {@code errorMessage} = the problem JSON.
 *
 * <p>It extends {@link IOException} because it is thrown while Jackson writes the Lambda response,
 * and Jackson rethrows I/O exceptions unwrapped, so the class name reaches the runtime intact.
 */
public abstract class DirectInvocationError extends IOException {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected DirectInvocationError(String problemJson) {
        super(problemJson);
    }

    /** No stack trace: this is a client error, and the runtime logs only type and message matter. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The error for a problem built here (e.g. an unreadable payload). */
    static DirectInvocationError of(Problem problem) {
        try {
            return of(problem.status(), JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            return new InternalScoringError(problem.detail());
        }
    }

    /** The error for an error response of the scoring API ({@code application/problem+json} body). */
    static DirectInvocationError of(int status, String body) {
        ProblemType type = typeOf(body);
        String message = body;
        if (type == null) { // not a problem body, e.g. the HTTP bridge's own failure response
            type = ProblemType.forStatus(status);
            message = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                    + status + ",\"detail\":\"the request failed with HTTP status " + status + "\"}";
        }
        return switch (type) {
            case INVALID_RECORDS -> new InvalidRecordsError(message);
            case MALFORMED_JSON -> new MalformedJsonError(message);
            case PAYLOAD_TOO_LARGE -> new PayloadTooLargeError(message);
            case INTERNAL -> new InternalScoringError(message);
            default -> new RequestRejectedError(message);
        };
    }

    /** The problem type named in {@code body}, or {@code null} when it is not a problem body. */
    private static ProblemType typeOf(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.hasNonNull("type") ? ProblemType.ofUri(node.get("type").asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
