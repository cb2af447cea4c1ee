package dev.profileservice.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what one request, or one caller, may ask of the service. Rate limits are kept per
 * caller ({@code sub}) and per pod: with N replicas behind a spreading load balancer, a caller
 * gets up to N times these rates in all.
 */
@ConfigMapping(prefix = "profile.limits")
public interface LimitsConfig {

    /** Most addresses one user may keep; the next POST gets a 409 problem. */
    @WithDefault("50")
    int maxAddresses();

    /** Longest request target (path and query) in characters; longer gets a 414 problem. */
    @WithDefault("4096")
    int maxRequestTarget();

    /** Largest header block; larger gets a 431 problem. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /** Sustained writes (PUT, PATCH, POST, DELETE) per second per caller. */
    @WithDefault("10")
    int writesPerSecond();

    /** Writes a caller may make at once, after being idle. */
    @WithDefault("20")
    int writesBurst();

    /** Data-subject exports per minute per caller. */
    @WithDefault("6")
    int exportsPerMinute();

    /** Admin searches per second per admin. */
    @WithDefault("5")
    int adminSearchesPerSecond();

    /** Callers whose buckets are kept per limit; the least recently seen are dropped first. */
    @WithDefault("100000")
    int trackedCallers();
}
