package dev.profileservice.error;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Problem responses answered by Vert.x routes, before any JAX-RS resource or mapper is involved. */
public final class RouteProblems {

    private RouteProblems() {
    }

    /**
     * Ends the exchange with a client-error problem: a safe detail and a fresh errorId. Closing an HTTP/1 connection
     * keeps an unread body from being taken for the next request.
     */
    public static void send(RoutingContext context, int status, String detail, boolean closeConnection) {
        Problem problem = Problems.body(status, detail, Problems.newErrorId());
        Log.debugf("errorId=%s status=%d %s", problem.errorId(), status, detail);
        HttpServerRequest request = context.request();
        var response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Json.encode(problem)).onComplete(done -> {
            if (closeConnection && request.version() != HttpVersion.HTTP_2) {
                request.connection().close();
            }
        });
    }
}
