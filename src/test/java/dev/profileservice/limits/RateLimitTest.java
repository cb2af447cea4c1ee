package dev.profileservice.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.profileservice.config.LimitsConfig;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Together;
import dev.profileservice.support.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.config.WithDefault;

/**
 * With the shipped default limits (the other tests run with room to spare): one caller's burst of
 * writes is cut off with 429 problems, while another caller writing in the same seconds is served,
 * and the first caller's reads go on being served.
 */
@QuarkusTest
@TestProfile(RateLimitTest.DefaultLimits.class)
class RateLimitTest extends ApiTest {

    /** Sets the test profile's limits back to the defaults declared in {@link LimitsConfig}. */
    public static class DefaultLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            for (String limit : List.of("writesPerSecond", "writesBurst", "exportsPerMinute", "adminSearchesPerSecond")) {
                overrides.put("%test.profile.limits." + limit.replaceAll("([A-Z])", "-$1").toLowerCase(), declaredDefault(limit));
            }
            return overrides;
        }

        static String declaredDefault(String method) {
            try {
                return LimitsConfig.class.getMethod(method).getAnnotation(WithDefault.class).value();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void oneCallersBurstGets429sWhileAnotherCallersWritesAreServed() throws Exception {
        String alice = Tokens.alice();
        String bob = Tokens.bob();
        as(alice).body("{\"displayName\": \"Alice\"}").put("/api/profile").then().statusCode(201);
        as(bob).body("{\"displayName\": \"Bob\"}").put("/api/profile").then().statusCode(201);
        double rejectedBefore = rejections("writes");

        ExecutorService bobsThread = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<List<Response>> bobsWrites = bobsThread.submit(() -> {
                List<Response> answers = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    answers.add(post(bob, i).call());
                    Thread.sleep(120);
                }
                return answers;
            });
            List<Response> alicesWrites = burst(60, this::junkWrite);
            double seconds = (System.nanoTime() - start) / 1e9;
            int served = 0;
            int limited = 0;
            for (Response answer : alicesWrites) {
                if (answer.statusCode() == 400) {
                    served++;
                } else {
                    assertEquals(429, answer.statusCode(), answer.asString());
                    assertTooManyProblem(answer);
                    limited++;
                }
            }
            for (Response answer : bobsWrites.get(60, TimeUnit.SECONDS)) {
                assertEquals(201, answer.statusCode(), "bob was limited by alice's burst: " + answer.asString());
            }
            System.out.printf("alice: %d served, %d limited in %.2f s; bob: 10 of 10 created%n", served, limited, seconds);
            assertTrue(limited > 0, "alice's burst was never limited");
            assertTrue(served <= 20 + Math.ceil(seconds * 10) + 1, served + " writes in " + seconds + " s");
            assertEquals(rejectedBefore + limited, rejections("writes"));
        } finally {
            bobsThread.shutdownNow();
        }
    }

    @Test
    void readsAreNotLimitedInTheApp() throws Exception {
        String alice = Tokens.alice();
        as(alice).body("{\"displayName\": \"Alice\"}").put("/api/profile").then().statusCode(201);
        assertTrue(burst(60, this::junkWrite).stream().anyMatch(r -> r.statusCode() == 429), "writes never limited");
        long start = System.nanoTime();
        List<Response> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reads.addAll(burst(10, n -> () -> as(alice).get("/api/profile")));
        }
        double perSecond = reads.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("alice: %d reads at %.1f/s%n", reads.size(), perSecond);
        for (Response read : reads) {
            assertEquals(200, read.statusCode(), read.asString());
        }
    }

    @Test
    void aLimitedCallerIsServedAgainAfterRetryAfter() throws Exception {
        Response limited = burst(60, this::junkWrite).stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("never limited"));
        Thread.sleep(1000L * Long.parseLong(limited.getHeader("Retry-After")));
        // A granted write: alice has no such address.
        assertEquals(404, as(Tokens.alice()).delete("/api/profile/addresses/00000000-0000-4000-8000-000000000001").statusCode());
    }

    @Test
    void exportsAreLimitedToSixAMinute() throws Exception {
        String alice = Tokens.alice();
        as(alice).body("{\"displayName\": \"Alice\"}").put("/api/profile").then().statusCode(201);
        List<Response> answers = burst(10, i -> () -> as(alice).get("/api/profile/export"));
        long served = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(10, served + limited.size(), "only 200 and 429 expected");
        assertTrue(served >= 1 && served <= 7, served + " exports served");
        for (Response answer : limited) {
            long retryAfter = Long.parseLong(answer.getHeader("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        }
    }

    @Test
    void adminSearchesAreLimitedPerAdmin() throws Exception {
        String otherAdmin = Tokens.user("d41f0c8e-other-admin-sub", "dave", java.util.Set.of("user", "admin"));
        long start = System.nanoTime();
        List<Response> answers = burst(30, i -> () -> adminSearch(Tokens.admin(), "nobody@example.org"));
        Response other = adminSearch(otherAdmin, "nobody@example.org");
        double seconds = (System.nanoTime() - start) / 1e9;
        long served = answers.stream().filter(r -> r.statusCode() == 200).count();
        long limited = answers.stream().filter(r -> r.statusCode() == 429).count();
        long unavailable = answers.stream().filter(r -> r.statusCode() == 503).count();
        assertEquals(30, served + limited + unavailable, "only 200, 429 and (an overloaded backend's) 503 expected");
        assertTrue(limited > 0, "admin searches never limited");
        assertTrue(served <= 5 + Math.ceil(seconds * 5) + 1, served + " searches in " + seconds + " s");
        assertEquals(200, other.statusCode(), "another admin was limited: " + other.asString());
    }

    @Test
    void rejectionsAreCountedPerLimitWithoutTheCaller() {
        Counter counter = registry.find("profile.rate.limit.rejections").tag("bucket", "writes").counter();
        assertTrue(counter != null, "no rejection counter");
        assertEquals(List.of("bucket"), counter.getId().getTags().stream().map(t -> t.getKey()).toList());
        for (RateLimit limit : RateLimit.values()) {
            assertTrue(registry.find("profile.rate.limit.rejections").tag("bucket", limit.metricTag()).counter() != null, limit.name());
        }
    }

    /** Sends {@code count} requests at once: the arrival rate then outruns the limits however slow the machine is. */
    private static List<Response> burst(int count, java.util.function.IntFunction<Callable<Response>> request) throws Exception {
        return Together.run(count, request);
    }

    /**
     * A write by alice that the limiter counts like any other but that needs no backend: its body
     * fails validation (400). So the burst measures the limiter, not the speed of the machine.
     */
    private Callable<Response> junkWrite(int i) {
        String alice = Tokens.alice();
        return () -> as(alice).body("{\"label\": \"junk " + i + "\"}").post("/api/profile/addresses");
    }

    private Callable<Response> post(String token, int i) {
        return () -> as(token).body("""
                {"line1": "%d Burst Street", "city": "Rate", "postalCode": "1", "country": "NL"}
                """.formatted(i)).post("/api/profile/addresses");
    }

    private double rejections(String bucket) {
        return registry.find("profile.rate.limit.rejections").tag("bucket", bucket).counter().count();
    }

    private static void assertTooManyProblem(Response answer) {
        assertEquals("application/problem+json", answer.getContentType());
        long retryAfter = Long.parseLong(answer.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertTrue(answer.jsonPath().getString("errorId").matches("[0-9a-f-]{36}"));
        assertEquals(429, answer.jsonPath().getInt("status"));
    }
}
