package io.anomalyscore.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 payload-too-large in {@code application/problem+json} before anything reads the
 * body: for a declared {@code Content-Length} above {@code anomaly.max-body-bytes}, and for the
 * stand-in the Lambda event reader sends for an event too large to read. A {@code Content-Length}
 * that is not a byte count gets 400 bad-request.
 *
 * <p>Why a route of our own: Vert.x enforces {@code quarkus.http.limits.max-body-size} with a bare
 * {@code 413} (empty, no content type) written by its upload-limit route or by the request input
 * stream; exception mappers and failure handlers never see it. This route runs just before that
 * route, and the start-up check below keeps the Vert.x limit above every body that can reach it,
 * so our problem always answers first. Bodies without a declared length are bounded by {@link
 * ScoringService}'s read.
 */
@Singleton
public class BodySizeLimit {

    /** Marks the stand-in for a Lambda event too large to read; removed from real HTTP events. */
    public static final String EVENT_TOO_LARGE_HEADER = "x-anomaly-event-too-large";
    /** The detail for an event over the event reader's document limit. */
    public static final String EVENT_TOO_LARGE =
            "the Lambda event exceeds " + JsonLimitsCustomizer.MAX_DOCUMENT_LENGTH + " bytes";
    /** Largest body the Lambda bridge can pass on: the reader's longest string, 3 UTF-8 bytes per char. */
    public static final long LARGEST_BRIDGED_BODY = 3L * JsonLimitsCustomizer.MAX_STRING_LENGTH;

    private final int maxBodyBytes;
    private final ObjectMapper json;

    BodySizeLimit(ServingConfig config, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize vertxLimit) {
        check(config.maxBodyBytes(), vertxLimit.asLongValue());
        this.maxBodyBytes = config.maxBodyBytes();
        this.json = json;
    }

    /** Fails start-up unless Vert.x's limit lies above {@code anomaly.max-body-bytes} and every bridged body. */
    static void check(int maxBodyBytes, long vertxLimit) {
        if (vertxLimit <= Math.max(maxBodyBytes, LARGEST_BRIDGED_BODY)) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + vertxLimit
                    + " bytes) must exceed anomaly.max-body-bytes (" + maxBodyBytes + ") and "
                    + LARGEST_BRIDGED_BODY + " bytes, so that oversized bodies get a payload-too-large problem");
        }
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.request().headers().contains(EVENT_TOO_LARGE_HEADER)) {
            reject(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, EVENT_TOO_LARGE));
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            ctx.next();
        } else if (!declared.trim().matches("[0-9]+")) {
            // a socket's HTTP decoder refuses this; from a Lambda event it would reach Vert.x's route: a 500
            reject(ctx, Problem.of(ProblemType.BAD_REQUEST, "the Content-Length header is not a byte count"));
        } else if (new BigInteger(declared.trim()).compareTo(BigInteger.valueOf(maxBodyBytes)) > 0) {
            reject(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, PayloadTooLargeException.detail(maxBodyBytes)));
        } else {
            ctx.next();
        }
    }

    private void reject(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(problem.status());
        // this spelling: the Lambda bridge looks the content type up case-sensitively to keep text bodies as text
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
        // like Vert.x's own limit: the unread body must not be taken for the next request
        response.putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(done -> ctx.request().connection().close());
        response.end(body);
    }
}
