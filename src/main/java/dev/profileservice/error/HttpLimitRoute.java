package dev.profileservice.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.profileservice.config.LimitsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP layer's limits, answered as problems before anything else runs: an over-long request
 * target (414), an oversized header block (431), an oversized body (413), announced or chunked,
 * a path with matrix parameters (400), a Host no absolute URL can be made from (400) and a body
 * without a Content-Type (415).
 * <p>
 * Matrix parameters are refused because two layers read the path differently: Vert.x routes
 * match {@code /api;x=1/profile} as written, so a guard on {@code /api/*} (the CSRF check) never
 * sees it, while Quarkus REST strips {@code ;x=1} and serves {@code /api/profile}. No endpoint
 * takes matrix parameters, so no path may carry a {@code ;}.
 * <p>
 * Vert.x answers a request line or header block over Netty's decoder limits itself, with an empty
 * 414 or 431, and Quarkus 3.33 offers no hook for that ({@code HttpServer.invalidRequestHandler} is
 * not exposed). So the decoder limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set above this service's own ({@code profile.limits.*}), and this
 * route enforces the lower ones with a problem. Only requests beyond the decoder limits still get
 * Vert.x's empty answer.
 */
@ApplicationScoped
public class HttpLimitRoute {

    private final long maxBody;
    private final int maxTarget;
    private final long maxHeaders;
    private final BodyHandler chunkedBody;

    HttpLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, LimitsConfig limits) {
        this.maxBody = maxBody.asLongValue();
        this.maxTarget = limits.maxRequestTarget();
        this.maxHeaders = limits.maxHeaderSize().asLongValue();
        // A chunked body announces no length: it is buffered up to the limit, and past it the handler fails with 413.
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBody);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check).failureHandler(this::failed);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxTarget) {
            reject(context, 414, "the request target is longer than " + maxTarget + " characters");
        } else if (hasMatrixParameters(request.path())) {
            reject(context, 400, "the path may not carry matrix parameters (';')");
        } else if (!usableAuthority(request.authority())) {
            reject(context, 400, "the Host header is not a valid host");
        } else if (request.getHeader(HttpHeaders.CONTENT_TYPE) == null && hasBody(request)) {
            reject(context, 415, "a request body needs a Content-Type, such as application/json");
        } else if (headerBytes(request.headers()) > maxHeaders) {
            reject(context, 431, "the request headers are larger than " + maxHeaders + " bytes");
        } else if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            if (exceeds(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
                reject(context, 413, bodyDetail());
            } else {
                context.next();
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            chunkedBody.handle(context);
        } else {
            context.next();
        }
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            reject(context, 413, bodyDetail());
        } else {
            context.next();
        }
    }

    private String bodyDetail() {
        return "the request body is larger than " + maxBody + " bytes";
    }

    private static void reject(RoutingContext context, int status, String detail) {
        RouteProblems.send(context, status, detail, true);
    }

    /**
     * Whether Quarkus can make an absolute URL from the request's authority (Host, or X-Forwarded-Host from a trusted
     * proxy), as the OIDC redirect does. Vert.x lets some hosts through that {@code java.net.URI} refuses (an IPv6
     * literal such as {@code [zz]}), and those turned a sign-in into a 500.
     */
    static boolean usableAuthority(HostAndPort authority) {
        if (authority == null || plainHostName(authority.host())) {
            return true;
        }
        try {
            new URI("http", authority.toString(), "/", null, null);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean plainHostName(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Without a Content-Type Quarkus REST reads a body as the method's first media type, JSON here, and a browser sends
     * such a body cross-site without a preflight (a no-cors fetch of bytes); every body must say what it is.
     */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.strip().equals("0") : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean hasMatrixParameters(String path) {
        return path != null && path.indexOf(';') >= 0;
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
