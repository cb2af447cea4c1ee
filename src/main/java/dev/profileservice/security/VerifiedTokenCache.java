package dev.profileservice.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Permission;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.profileservice.config.ProfileConfig;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Identities of access tokens that quarkus-oidc has verified in full (signature, exp, iss, aud,
 * typ), so that the same token seen again is not parsed and RSA-verified again. Keyed by the
 * SHA-256 of the exact token text: a token differing in any character, a forged signature
 * included, is a miss and goes through full verification. An entry never outlives its token's
 * {@code exp}, nor {@code max-ttl} after it was verified, and there are at most {@code max-size}.
 * Per-request attributes (the routing context) are not kept.
 * <p>
 * Singleton, not application-scoped: asked on every request, it needs no client proxy.
 */
@Singleton
public class VerifiedTokenCache {

    /** Set on identities answered from the cache. */
    static final String FROM_CACHE = VerifiedTokenCache.class.getName();
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String AUTHENTICATION_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Cache<String, Entry> cache;
    private final Duration maxTtl;
    private final Clock clock;

    @Inject
    VerifiedTokenCache(ProfileConfig config) {
        this(config.tokenCache().maxSize(), config.tokenCache().maxTtl(), Clock.systemUTC());
    }

    VerifiedTokenCache(int maxSize, Duration maxTtl, Clock clock) {
        this.maxTtl = maxTtl;
        this.clock = clock;
        this.cache = maxSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return Math.max(0, entry.notAfterMillis() - clock.millis()) * 1_000_000;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    /** The identity verified for exactly this token, for this request; null when not cached or no longer valid. */
    public SecurityIdentity get(String token, RoutingContext request, AuthenticationRequestContext context) {
        if (cache == null) {
            return null;
        }
        String key = hash(token);
        Entry entry = cache.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.notAfterMillis()) {
            cache.invalidate(key);
            return null;
        }
        return new CachedIdentity(entry.identity(), request, context);
    }

    /** Keeps the identity quarkus-oidc verified for this token until the token's {@code exp} (epoch seconds). */
    public void put(String token, QuarkusSecurityIdentity verified, long expiresAt) {
        long notAfter = Math.min(expiresAt * 1000, clock.millis() + maxTtl.toMillis());
        if (cache == null || notAfter <= clock.millis()) {
            return;
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .addCredentials(verified.getCredentials())
                .addRoles(verified.getRoles())
                .addPermissions(verified.getPermissions());
        verified.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext) && !(value instanceof AuthenticationRequestContext)) {
                kept.addAttribute(name, value);
            }
        });
        cache.put(hash(token), new Entry(kept.build(), notAfter));
    }

    long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(QuarkusSecurityIdentity identity, long notAfterMillis) {
    }

    /**
     * The kept identity for one request: everything the verification established comes from the
     * kept identity, unchanged; this request's routing context, its authentication context and the
     * {@link #FROM_CACHE} mark are added. A view rather than a copy, which cost a map copy per
     * request (docs/performance.md).
     */
    static final class CachedIdentity implements SecurityIdentity {

        private final QuarkusSecurityIdentity kept;
        private final RoutingContext request;
        private final AuthenticationRequestContext context;
        private Map<String, Object> attributes;

        CachedIdentity(QuarkusSecurityIdentity kept, RoutingContext request, AuthenticationRequestContext context) {
            this.kept = kept;
            this.request = request;
            this.context = context;
        }

        @Override
        public Principal getPrincipal() {
            return kept.getPrincipal();
        }

        @Override
        public boolean isAnonymous() {
            return kept.isAnonymous();
        }

        @Override
        public Set<String> getRoles() {
            return kept.getRoles();
        }

        @Override
        public boolean hasRole(String role) {
            return kept.hasRole(role);
        }

        @Override
        public Set<Permission> getPermissions() {
            return kept.getPermissions();
        }

        @Override
        public <T extends Credential> T getCredential(Class<T> type) {
            return kept.getCredential(type);
        }

        @Override
        public Set<Credential> getCredentials() {
            return kept.getCredentials();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String name) {
            if (ROUTING_CONTEXT.equals(name)) {
                return (T) request;
            }
            if (AUTHENTICATION_CONTEXT.equals(name)) {
                return (T) context;
            }
            if (FROM_CACHE.equals(name)) {
                return (T) Boolean.TRUE;
            }
            return kept.getAttribute(name);
        }

        @Override
        public Map<String, Object> getAttributes() {
            if (attributes == null) {
                Map<String, Object> all = new HashMap<>(kept.getAttributes());
                all.put(ROUTING_CONTEXT, request);
                all.put(AUTHENTICATION_CONTEXT, context);
                all.put(FROM_CACHE, Boolean.TRUE);
                attributes = Collections.unmodifiableMap(all);
            }
            return attributes;
        }

        @Override
        public Uni<Boolean> checkPermission(Permission permission) {
            return kept.checkPermission(permission);
        }

        /** Names no one: an identity that reaches a log line must not carry the caller's name into it. */
        @Override
        public String toString() {
            return "CachedIdentity";
        }
    }
}
