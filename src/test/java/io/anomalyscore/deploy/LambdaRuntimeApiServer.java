package io.anomalyscore.deploy;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quarkus's mock Runtime API, answering {@code .../invocation/<id>/error} with {@code 202 Accepted}
 * like the real Lambda Runtime API does. The mock answers {@code 204}, which the AWS runtime
 * interface client 2.10.1 treats as fatal: it exits after the first failed invocation.
 *
 * <p>It also serves the SnapStart part of the Runtime API: {@code GET .../restore/next}, which the
 * runtime interface client calls (with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) after the
 * {@code beforeCheckpoint} hooks have run, i.e. where Lambda takes the snapshot; it answers at once, as
 * a restore would, and counts the calls. {@code .../restore/error} is counted as a failed restore.
 */
public class LambdaRuntimeApiServer extends MockEventServer {

    private final AtomicInteger restoreNext = new AtomicInteger();
    private final AtomicInteger restoreErrors = new AtomicInteger();

    @Override
    public void setupRoutes() {
        router.get(BASE_PATH + "/2018-06-01/runtime/restore/next").handler(ctx -> {
            restoreNext.incrementAndGet();
            ctx.response().setStatusCode(200).end();
        });
        router.post(BASE_PATH + "/2018-06-01/runtime/restore/error").handler(ctx -> {
            restoreErrors.incrementAndGet();
            ctx.response().setStatusCode(202).end();
        });
        super.setupRoutes();
    }

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

    /** How often the function reported "snapshot may be taken now" (GET restore/next). */
    public int restoreNextCalls() {
        return restoreNext.get();
    }

    /** How often the function reported a failed restore hook. */
    public int restoreErrors() {
        return restoreErrors.get();
    }
}
