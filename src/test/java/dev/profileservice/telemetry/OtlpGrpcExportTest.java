package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.OtlpReceiverResource;
import dev.profileservice.support.OtlpTraces;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The default protocol, OTLP/gRPC (HTTP/2 cleartext here), exports through the same allow-list. */
@QuarkusTest
@TestProfile(OtlpGrpcExportTest.Grpc.class)
class OtlpGrpcExportTest extends OtlpExport {

    public static class Grpc implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return OtlpReceiverResource.receiving(OtlpReceiverResource.GRPC);
        }
    }

    @Test
    void spansArriveOverGrpcWithoutPlantedValues() throws Exception {
        plantLegacyProfile(Tokens.ALICE);
        AtomicInteger sent = new AtomicInteger();
        Runnable traffic = () -> {
            sent.incrementAndGet();
            as(Tokens.alice()).get("/api/profile").then().statusCode(200);
            as(Tokens.alice()).get("/api/profiles/" + PATH_USER).then().statusCode(404);
        };
        traffic.run();

        List<byte[]> bodies = awaitSpan("GET /api/profiles/{userId}", traffic);
        assertTrue(bodies.stream().allMatch(body -> body.length > 5 && body[0] == 0), "gRPC frames, uncompressed");
        assertNoPlantedValueInRawBytes(bodies);
        List<OtlpTraces.Span> spans = spans(bodies);
        assertOnlyAllowListedKeys(spans);
        long profileSpans = spans.stream().filter(span -> span.name().equals("GET /api/profile")).count();
        assertTrue(profileSpans >= 1 && profileSpans <= sent.get(),
                profileSpans + " spans 'GET /api/profile' for " + sent.get() + " requests");
    }
}
