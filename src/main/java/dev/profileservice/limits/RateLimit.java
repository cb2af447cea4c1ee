package dev.profileservice.limits;

import java.time.Duration;

import dev.profileservice.config.LimitsConfig;
import io.github.bucket4j.Bandwidth;

/**
 * The per-caller rate limits. Writes are limited by default: every PUT, PATCH, POST and DELETE
 * under the API counts, unless its resource method names another limit with {@link RateLimited}.
 */
public enum RateLimit {

    WRITES("writes"),
    EXPORT("export"),
    ADMIN_SEARCH("admin_search");

    private final String metricTag;

    RateLimit(String metricTag) {
        this.metricTag = metricTag;
    }

    /** The label value of {@code profile_rate_limit_rejections_total{bucket}}. */
    public String metricTag() {
        return metricTag;
    }

    Bandwidth bandwidth(LimitsConfig limits) {
        return switch (this) {
            case WRITES -> Bandwidth.builder().capacity(limits.writesBurst())
                    .refillGreedy(limits.writesPerSecond(), Duration.ofSeconds(1)).build();
            case EXPORT -> Bandwidth.builder().capacity(limits.exportsPerMinute())
                    .refillGreedy(limits.exportsPerMinute(), Duration.ofMinutes(1)).build();
            case ADMIN_SEARCH -> Bandwidth.builder().capacity(limits.adminSearchesPerSecond())
                    .refillGreedy(limits.adminSearchesPerSecond(), Duration.ofSeconds(1)).build();
        };
    }

    /** How long an idle bucket takes to fill up again: after that, forgetting it changes nothing. */
    Duration refillTime(LimitsConfig limits) {
        Bandwidth bandwidth = bandwidth(limits);
        long nanos = bandwidth.getRefillPeriodNanos() * bandwidth.getCapacity() / bandwidth.getRefillTokens();
        return Duration.ofNanos(Math.max(nanos, 1));
    }
}
