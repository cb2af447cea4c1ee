package dev.profileservice.limits;

import java.util.concurrent.TimeUnit;

/** A caller went over a rate limit; mapped to a 429 problem with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(RateLimit limit, long nanosToWait) {
        super("rate limit " + limit.metricTag() + " exceeded", null, false, false);
        this.retryAfterSeconds = Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Whole seconds, rounded up, never 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
