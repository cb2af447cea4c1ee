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

    private final String policy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "profile.web.sign-out-origins") Optional<List<String>> signOutOrigins) {
        this.policy = contentSecurityPolicy(signOutOrigins.orElseGet(() -> issuer.map(SecurityHeaders::origin).stream().toList()));
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
        headers.set("Content-Security-Policy", policy);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        // Scripts and styles may be revalidated; pages, API answers and errors are never stored.
        headers.set("Cache-Control", isAsset(context.normalizedPath()) ? "no-cache" : "no-store");
    }

    private static boolean isAsset(String path) {
        return path.endsWith(".js") || path.endsWith(".css") || path.endsWith(".svg");
    }
}
