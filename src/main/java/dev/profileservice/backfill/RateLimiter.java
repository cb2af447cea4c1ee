package dev.profileservice.backfill;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces permits evenly at {@code perSecond}: the backfill shares the table's capacity with
 * live traffic, so it must never burst. Not thread-safe; the backfill writes one item at a time.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier clock;
    private long next;

    RateLimiter(double perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(double perSecond, LongSupplier clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.clock = clock;
        this.next = clock.getAsLong();
    }

    /** Blocks until the next permit is due. */
    void acquire() throws InterruptedException {
        long now = clock.getAsLong();
        long wait = next - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        // An idle spell earns no burst: the schedule restarts from now, not from the past.
        next = Math.max(next, now) + intervalNanos;
    }
}
