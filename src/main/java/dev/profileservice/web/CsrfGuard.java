package dev.profileservice.web;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.profileservice.error.RouteProblems;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery defence for the browser session. A browser sends the session
 * cookie by itself, so a cookie-authenticated {@code /api} call must also carry
 * {@value #HEADER}: a header no form can send and no other origin may send (CORS never allows
 * it). Requests that say they come from another origin are refused outright. Bearer-token
 * calls carry their credential explicitly and pass untouched. Sign-out is a same-origin POST.
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String HEADER = "X-Requested-With";
    static final String SESSION_COOKIE_PREFIX = "q_session";
    static final String SIGN_OUT_PATH = "/logout";
    private static final String CLEAR_SITE_DATA = "Clear-Site-Data";

    private final boolean secureCookies;

    CsrfGuard(@ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure") Optional<Boolean> secureCookies) {
        this.secureCookies = secureCookies.orElse(false);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 20).handler(this::checkApi);
        router.route(SIGN_OUT_PATH).order(Integer.MIN_VALUE + 20).handler(this::checkSignOut);
    }

    private void checkApi(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !hasSessionCookie(context)) {
            context.next();
        } else if (!sameOrigin(request)) {
            RouteProblems.send(context, 403, "cross-origin requests may not use the browser session", false);
        } else if (isBlank(request.getHeader(HEADER))) {
            RouteProblems.send(context, 403, "a request authenticated by the session cookie needs the " + HEADER + " header",
                    false);
        } else {
            context.next();
        }
    }

    private void checkSignOut(RoutingContext context) {
        if (context.request().method() != HttpMethod.POST) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            RouteProblems.send(context, 405, "sign out with a POST from this site's page", false);
        } else if (!sameOrigin(context.request())) {
            RouteProblems.send(context, 403, "cross-origin requests may not sign you out", false);
        } else {
            // Under Referrer-Policy no-referrer the browser sends "Origin: null" with the sign-out form, which the CORS
            // filter would refuse; fetch metadata has just vouched for the same origin, so the header says nothing.
            if ("null".equals(context.request().getHeader(HttpHeaders.ORIGIN))) {
                context.request().headers().remove(HttpHeaders.ORIGIN);
            }
            context.addHeadersEndHandler(ignored -> endSessionHere(context));
            context.next();
        }
    }

    /**
     * Whatever the sign-out's outcome, the session ends in this browser. A session that cannot be read (damaged, or
     * its tokens due for a refresh while the IdP is down) fails authentication before the sign-out runs: that 401 would
     * leave the cookie, and the next person at this browser signed in as soon as the refresh works again. So every
     * session cookie the browser sent is expired, cache and storage are cleared, and a failed read still goes to the
     * signed-out page. (Quarkus' own logout expires the cookies too; a second expiry changes nothing.)
     */
    private void endSessionHere(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.getStatusCode() == 401) {
            response.setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/" + SessionResource.SIGNED_OUT_PAGE);
        }
        for (String name : context.request().cookieMap().keySet()) {
            if (name.startsWith(SESSION_COOKIE_PREFIX)) {
                response.addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSecure(secureCookies)
                        .setSameSite(CookieSameSite.LAX));
            }
        }
        if (!response.headers().contains(CLEAR_SITE_DATA)) {
            response.putHeader(CLEAR_SITE_DATA, "\"cache\", \"storage\"");
        }
    }

    private static boolean hasSessionCookie(RoutingContext context) {
        return context.request().cookieMap().keySet().stream().anyMatch(name -> name.startsWith(SESSION_COOKIE_PREFIX));
    }

    /**
     * Fetch metadata when the browser sends it (all current ones do; no page can forge it), else
     * Origin. Origin alone is not enough: under Referrer-Policy no-referrer a same-origin form
     * POST says "Origin: null".
     */
    static boolean sameOrigin(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        var authority = request.authority();
        return authority != null && sameOrigin(origin, request.scheme(), authority.host(), authority.port());
    }

    static boolean sameOrigin(String origin, String scheme, String host, int port) {
        try {
            URI uri = URI.create(origin);
            return scheme.equalsIgnoreCase(uri.getScheme()) && host.equalsIgnoreCase(uri.getHost())
                    && effectivePort(scheme, port) == effectivePort(uri.getScheme(), uri.getPort());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static int effectivePort(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
