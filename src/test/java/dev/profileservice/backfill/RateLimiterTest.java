package dev.profileservice.backfill;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The backfill's pacing: permits are spread evenly, never burst, with loose bounds for a shared machine. */
class RateLimiterTest {

    @Test
    void twentyPermitsAtOneHundredPerSecondTakeAboutTwoHundredMilliseconds() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(100);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toMillis() >= 190, "too fast: " + took);
        assertTrue(took.toMillis() < 1_500, "too slow: " + took);
    }

    @Test
    void idleTimeEarnsNoBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(20);
        limiter.acquire();
        Thread.sleep(300);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        // The first permit after the pause is due at once, the next three 50 ms apart each.
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 140);
    }

    @Test
    void rateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-5));
    }
}
