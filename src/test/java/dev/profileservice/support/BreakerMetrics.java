package dev.profileservice.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The circuit breaker's counters, summed over every {@code DynamoGateway} method's breaker. */
public final class BreakerMetrics {

    private BreakerMetrics() {
    }

    /** Calls the breaker recorded as failures. */
    public static double failures(MeterRegistry registry) {
        return sum(registry, "ft.circuitbreaker.calls.total", "failure");
    }

    /** Times a breaker opened. */
    public static double openings(MeterRegistry registry) {
        return sum(registry, "ft.circuitbreaker.opened.total", null);
    }

    private static double sum(MeterRegistry registry, String name, String result) {
        return registry.find(name).counters().stream()
                .filter(c -> c.getId().getTag("method").contains("DynamoGateway"))
                .filter(c -> result == null || result.equals(c.getId().getTag("circuitBreakerResult")))
                .mapToDouble(Counter::count).sum();
    }
}
