package io.anomalyscore.deploy;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus's mock Runtime API, answering {@code .../invocation/<id>/error} with {@code 202 Accepted}
 * like the real Lambda Runtime API does. The mock answers {@code 204}, which the AWS runtime
 * interface client 2.10.1 treats as fatal: it exits after the first failed invocation.
 */
public class LambdaRuntimeApiServer extends MockEventServer {

    @Override
    public void handleError(RoutingContext ctx) {
        RoutingContext pending = responsePending.remove(ctx.pathParam("requestId"));
        if (pending == null) {
            ctx.fail(404);
            return;
        }
        processError(ctx, pending, ctx.body().buffer());
        ctx.response().setStatusCode(202).end();
    }
}
