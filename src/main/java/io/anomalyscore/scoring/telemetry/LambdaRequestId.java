package io.anomalyscore.scoring.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Lambda request id of the invocation an HTTP request came from. quarkus-amazon-lambda-http
 * attaches the Lambda {@link Context} to the request's headers object; its own request-scoped
 * producer fails when there is none (dev mode), so it is read here directly.
 */
public final class LambdaRequestId {

    private LambdaRequestId() {}

    /** The id, or {@code null} when the request did not come through Lambda. */
    public static String of(HttpServerRequest request) {
        if (request != null && request.headers() instanceof QuarkusHttpHeaders headers
                && headers.getContextObjects().get(Context.class) instanceof Context context) {
            return context.getAwsRequestId();
        }
        return null;
    }
}
