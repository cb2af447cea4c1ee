package dev.profileservice.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers of a service whose pages show personal data: a Content Security Policy without
 * inline code, no referrer, no framing, no opener, and nothing kept in any cache. The sign-out
 * form posts to /logout, which redirects to the IdP: form-action must allow the IdP's origin.
 * Quarkus' own pages under /q (dev mode only) keep their defaults.
 */
@Singleton
public class SecurityHeaders {

    // Names and values as Vert.x's pre-validated, pre-hashed header strings: set on every response.
    private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence OPENER_POLICY = HttpHeaders.createOptimized("Cross-Origin-Opener-Policy");
    private static final CharSequence RESOURCE_POLICY = HttpHeaders.createOptimized("Cross-Origin-Resource-Policy");
    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence SAME_ORIGIN = HttpHeaders.createOptimized("same-origin");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    private final CharSequence policy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "profile.web.sign-out-origins") Optional<List<String>> signOutOrigins) {
        this.policy = HttpHeaders.createOptimized(
                contentSecurityPolicy(signOutOrigins.orElseGet(() -> issuer.map(SecurityHeaders::origin).stream().toList())));
    }

    static String contentSecurityPolicy(List<String> idpOrigins) {
        Set<String> formAction = new LinkedHashSet<>(List.of("'self'"));
        idpOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(formAction::add);
        return String.join("; ", "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "img-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action " + String.join(" ", formAction), "require-trusted-types-for 'script'");
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(context -> {
            if (!context.normalizedPath().startsWith("/q/")) {
                context.addHeadersEndHandler(ignored -> apply(context));
            }
            context.next();
        });
    }

    private void apply(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set(CSP, policy);
        headers.set(REFERRER_POLICY, NO_REFERRER);
        headers.set(OPENER_POLICY, SAME_ORIGIN);
        headers.set(RESOURCE_POLICY, SAME_ORIGIN);
        headers.set(FRAME_OPTIONS, DENY);
        headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        // Scripts and styles may be revalidated; pages, API answers and errors are never stored.
        headers.set(HttpHeaders.CACHE_CONTROL, isAsset(context.normalizedPath()) ? NO_CACHE : NO_STORE);
    }

    private static boolean isAsset(String path) {
        return !path.startsWith("/api/") && (path.endsWith(".js") || path.endsWith(".css") || path.endsWith(".svg"));
    }
}
