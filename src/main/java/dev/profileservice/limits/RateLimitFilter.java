package dev.profileservice.limits;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Applies the per-caller rate limits once a request has been matched to a resource method. The
 * caller is the verified token's {@code sub}; anonymous requests are not counted (the endpoints
 * refuse them anyway). Single-item reads are not limited here: that is the ingress's job.
 */
public class RateLimitFilter {

    private static final Set<String> WRITE_METHODS = Set.of("PUT", "PATCH", "POST", "DELETE");

    private final CallerBuckets buckets;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(CallerBuckets buckets, CurrentIdentityAssociation identities) {
        this.buckets = buckets;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource) {
        RateLimit limit = limitOf(request.getMethod(), resource);
        if (limit == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                long wait = buckets.take(limit, token.getSubject());
                if (wait > 0) {
                    throw new TooManyRequestsException(limit, wait);
                }
            }
        }).replaceWithVoid();
    }

    static RateLimit limitOf(String httpMethod, ResourceInfo resource) {
        RateLimited named = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (named != null) {
            return named.value();
        }
        return WRITE_METHODS.contains(httpMethod) ? RateLimit.WRITES : null;
    }
}
