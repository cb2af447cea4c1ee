package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The cache itself, on a clock the test moves: expiry, the max-ttl cap, exact-token keys, the size bound. */
class VerifiedTokenCacheTest {

    private final MovableClock clock = new MovableClock();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(5), clock);

    @Test
    void servesAVerifiedTokenUntilItsExpAndNotASecondLonger() {
        cache.put("header.payload.signature", identity("alice"), clock.seconds() + 30);
        assertEquals("alice", cache.get("header.payload.signature", null, null).getPrincipal().getName());
        clock.advance(Duration.ofSeconds(29).plusMillis(999));
        assertNotNull(cache.get("header.payload.signature", null, null));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get("header.payload.signature", null, null), "served at its exp");
        assertEquals(0, cache.size());
    }

    @Test
    void noEntryOutlivesMaxTtlEvenWhenTheTokenLivesLonger() {
        cache.put("long.lived.token", identity("alice"), clock.seconds() + 86_400);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertNotNull(cache.get("long.lived.token", null, null));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get("long.lived.token", null, null));
    }

    @Test
    void anExpiredTokenIsNeverKept() {
        cache.put("expired.token.sig", identity("alice"), clock.seconds());
        cache.put("older.token.sig", identity("alice"), clock.seconds() - 60);
        assertNull(cache.get("expired.token.sig", null, null));
        assertNull(cache.get("older.token.sig", null, null));
        assertEquals(0, cache.size());
    }

    @Test
    void onlyTheExactTokenIsAHit() {
        cache.put("header.payload.signature", identity("alice"), clock.seconds() + 60);
        for (String other : new String[] { "header.payload.signaturf", "header.payload.", "header.payload",
                "header.payload.signature ", "Header.payload.signature", "header.bob.signature" }) {
            assertNull(cache.get(other, null, null), other);
        }
        assertFalse(VerifiedTokenCache.hash("header.payload.signature").contains("payload"), "keys are hashes");
    }

    @Test
    void sizeIsBounded() {
        for (int i = 0; i < 1_000; i++) {
            cache.put("token-" + i, identity("user" + i), clock.seconds() + 60);
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
    }

    @Test
    void zeroSizeTurnsItOff() {
        VerifiedTokenCache off = new VerifiedTokenCache(0, Duration.ofMinutes(5), clock);
        off.put("header.payload.signature", identity("alice"), clock.seconds() + 60);
        assertNull(off.get("header.payload.signature", null, null));
    }

    @Test
    void keepsNoRequestButAnswersWithTheCurrentOne() {
        RoutingContext first = routingContext();
        RoutingContext second = routingContext();
        QuarkusSecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("alice"))
                .addAttribute(RoutingContext.class.getName(), first).addAttribute("tenant-id", "Default").build();
        cache.put("header.payload.signature", verified, clock.seconds() + 60);
        SecurityIdentity answered = cache.get("header.payload.signature", second, null);
        assertSame(second, answered.getAttribute(RoutingContext.class.getName()));
        assertEquals("Default", answered.getAttribute("tenant-id"));
        assertTrue(answered.hasRole("user"));
        assertEquals(Boolean.TRUE, answered.getAttribute(VerifiedTokenCache.FROM_CACHE));
        // the whole attribute map says the same, and the first request's routing context is in no view of it
        assertSame(second, answered.getAttributes().get(RoutingContext.class.getName()));
        assertEquals("Default", answered.getAttributes().get("tenant-id"));
        assertEquals(Boolean.TRUE, answered.getAttributes().get(VerifiedTokenCache.FROM_CACHE));
        assertFalse(answered.getAttributes().containsValue(first));
        assertEquals("alice", answered.getPrincipal().getName());
        assertFalse(answered.isAnonymous());
        assertEquals(verified.getCredentials(), answered.getCredentials());
        assertFalse(answered.toString().contains("alice"), "an identity in a log line names no one: " + answered);
    }

    @Test
    void answersEachRequestWithItsOwnContext() {
        cache.put("header.payload.signature", identity("alice"), clock.seconds() + 60);
        RoutingContext one = routingContext();
        RoutingContext two = routingContext();
        SecurityIdentity first = cache.get("header.payload.signature", one, null);
        SecurityIdentity second = cache.get("header.payload.signature", two, null);
        assertSame(one, first.getAttribute(RoutingContext.class.getName()));
        assertSame(two, second.getAttribute(RoutingContext.class.getName()));
        assertSame(one, first.getAttributes().get(RoutingContext.class.getName()));
    }

    private static QuarkusSecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole("user").build();
    }

    private static RoutingContext routingContext() {
        return (RoutingContext) Proxy.newProxyInstance(VerifiedTokenCacheTest.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static final class MovableClock extends Clock {

        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        long seconds() {
            return millis.get() / 1000;
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
