package dev.profileservice.telemetry;

import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Micrometer filters: latency histograms per route, and a last guard on the one label that is built
 * from a request, the HTTP {@code uri}: a value that is not a route template becomes {@code OTHER}.
 */
@Singleton
public class MetricFilters {

    static final String HTTP_SERVER = "http.server.requests";
    static final String OTHER = "OTHER";
    /** Route templates, and the fixed names Quarkus uses for requests that matched none. */
    private static final Pattern TEMPLATE_OR_NAME = Pattern.compile("(" + SpanAllowList.ROUTE.pattern() + ")|[A-Z_]+");

    @Produces
    @Singleton
    MeterFilter routeHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return HTTP_SERVER.equals(id.getName())
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter templatedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || TEMPLATE_OR_NAME.matcher(uri).matches()) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> "uri".equals(tag.getKey()) ? Tag.of("uri", OTHER) : tag).toList());
            }
        };
    }
}
