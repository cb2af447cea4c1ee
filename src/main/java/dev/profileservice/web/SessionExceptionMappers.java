package dev.profileservice.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.profileservice.error.Problem;
import dev.profileservice.error.Problems;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationRedirectException;

/**
 * The code flow's own outcomes, when they surface in a resource (authentication is lazy).
 * Quarkus OIDC redirects to finish a sign-in, or when a browser session cannot go on. /api never
 * redirects, since a fetch would follow it to the IdP and fail opaquely: it answers 401 instead.
 */
public class SessionExceptionMappers {

    @ServerExceptionMapper
    public RestResponse<?> redirect(AuthenticationRedirectException e, UriInfo uri) {
        if (uri.getPath().startsWith("/api")) {
            return Problems.unauthorized(e);
        }
        return RestResponse.ResponseBuilder.create(e.getCode()).location(URI.create(e.getRedirectUri()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** A callback that does not complete (state mismatch, refused code): a 401 problem, with nothing internal. */
    @ServerExceptionMapper
    public RestResponse<Problem> failed(AuthenticationCompletionException e) {
        return Problems.unauthorized(e);
    }
}
