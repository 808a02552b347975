package io.anomalyscore.scoring.lambda;

import java.util.Map;

/**
 * Names shared by the pieces that let a plain {@code {"records": ...}} Lambda payload take the
 * same code path as an API Gateway request.
 *
 * <p>The flow: {@link DirectEventDeserializer} turns the payload into a synthetic {@code POST
 * /v1/score} event carrying {@link #HEADER}; {@link DirectInvocationFilter} copies the header to
 * the response; {@link DirectResponseSerializer} then writes the plain body (2xx) or throws a
 * {@link DirectInvocationError}, which the Lambda runtime reports as a failed invocation. A
 * Step Functions Distributed Map batch ({@code {"Items": [...]}}) takes the same path with one more
 * marker, {@link io.anomalyscore.scoring.ItemBatchParser#HEADER}.
 */
public final class DirectInvocation {

    /** Marks a request, and its response, as coming from a direct invocation. */
    public static final String HEADER = "x-anomaly-invocation";
    /** The marker's value. */
    public static final String VALUE = "direct";
    /** Where direct payloads are routed. */
    public static final String PATH = "/v1/score";

    private DirectInvocation() {}

    /** Whether {@code headers} carry the marker (header names compared case-insensitively). */
    static boolean marked(Map<String, String> headers) {
        if (headers == null) {
            return false;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (HEADER.equalsIgnoreCase(h.getKey()) && VALUE.equals(h.getValue())) {
                return true;
            }
        }
        return false;
    }
}
