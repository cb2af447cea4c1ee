package dev.profileservice.limits;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.profileservice.config.LimitsConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One token bucket per caller and limit, in this pod's memory. The buckets sit in bounded caches:
 * a bucket idle for its full refill time is dropped (it would be full anyway), and past
 * {@code profile.limits.tracked-callers} the least recently seen callers are dropped first. Rejections
 * are counted per limit, never per caller.
 */
@Singleton
public class CallerBuckets {

    private final Map<RateLimit, Cache<String, Bucket>> buckets = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, Counter> rejections = new EnumMap<>(RateLimit.class);
    private final LimitsConfig limits;

    CallerBuckets(LimitsConfig limits, MeterRegistry registry) {
        this.limits = limits;
        for (RateLimit limit : RateLimit.values()) {
            buckets.put(limit, Caffeine.newBuilder()
                    .maximumSize(limits.trackedCallers())
                    .expireAfterAccess(limit.refillTime(limits))
                    .build());
            rejections.put(limit, Counter.builder("profile.rate.limit.rejections")
                    .description("Requests refused with 429 by a per-caller rate limit")
                    .tag("bucket", limit.metricTag())
                    .register(registry));
        }
    }

    /** Takes a token from the caller's bucket: 0 when granted, else the nanoseconds until one is free. */
    public long take(RateLimit limit, String callerId) {
        Bucket bucket = buckets.get(limit).get(callerId, id -> Bucket.builder().addLimit(limit.bandwidth(limits)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        rejections.get(limit).increment();
        return Math.max(probe.getNanosToWaitForRefill(), 1);
    }
}
