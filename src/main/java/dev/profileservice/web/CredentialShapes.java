package dev.profileservice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.profileservice.error.RouteProblems;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Credentials of a shape that makes quarkus-oidc 3.33 throw before any identity provider runs, which the catch-all
 * mapper then answers with a 500: a bearer token of dots only ({@code OidcCommonUtils.getJwtContentPart} reads a
 * first part that is not there), a session chunk cookie whose index is not a number (the chunks' comparator parses
 * it), and a sign-in state cookie of {@code |} only (its split yields nothing). None can be a real credential, so
 * each is refused here, before authentication, as any unusable credential is: a 401 problem.
 */
@ApplicationScoped
public class CredentialShapes {

    private static final String CHUNK = "_chunk_";
    private static final String STATE_COOKIE_PREFIX = "q_auth";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 15).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (dotsOnlyBearer(request.getHeader(HttpHeaders.AUTHORIZATION)) || brokenCookie(request)) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            RouteProblems.send(context, 401, null, false);
        } else {
            context.next();
        }
    }

    static boolean dotsOnlyBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).strip();
        return !token.isEmpty() && token.chars().allMatch(c -> c == '.');
    }

    private static boolean brokenCookie(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.COOKIE) == null) {
            return false;
        }
        for (Cookie cookie : request.cookies()) {
            if (brokenCookie(cookie.getName(), cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    static boolean brokenCookie(String name, String value) {
        if (name.startsWith(CsrfGuard.SESSION_COOKIE_PREFIX) && name.contains(CHUNK)) {
            String index = name.substring(name.lastIndexOf('_') + 1);
            return !index.matches("[0-9]{1,9}");
        }
        return name.startsWith(STATE_COOKIE_PREFIX) && !value.isEmpty() && value.chars().allMatch(c -> c == '|');
    }
}
