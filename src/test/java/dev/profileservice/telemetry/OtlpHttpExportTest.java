package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.OtlpReceiverResource;
import dev.profileservice.support.OtlpTraces;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Real OTLP/HTTP protobuf export to a receiver on 127.0.0.1, after traffic full of personal data:
 * the bytes on the wire hold the expected spans and none of the planted values. The decoded trace
 * of {@code GET /api/profile} is written to {@code target/otlp-received/get-api-profile.txt}.
 */
@QuarkusTest
@TestProfile(OtlpHttpExportTest.HttpProtobuf.class)
class OtlpHttpExportTest extends OtlpExport {

    static final Path TRACE_DUMP = Path.of("target", "otlp-received", "get-api-profile.txt");

    public static class HttpProtobuf implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return OtlpReceiverResource.receiving("http/protobuf");
        }
    }

    @Test
    void exportedBytesHoldTheSpansAndNoPlantedValue() throws Exception {
        driveEveryEndpoint();
        List<byte[]> bodies = awaitSpan("DELETE /api/profile",
                () -> as(token(Tokens.alice())).delete("/api/profile").then().statusCode(204));

        assertNoPlantedValueInRawBytes(bodies);
        String raw = bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining());
        assertTrue(raw.contains("GET /api/profile"), "the raw export holds the server span's name");
        assertTrue(raw.contains("DynamoDb.GetItem"), "the raw export holds a DynamoDB span");
        List<OtlpTraces.Span> spans = spans(bodies);
        assertOnlyAllowListedKeys(spans);

        List<OtlpTraces.Span> trace = spans.stream().filter(span -> span.traceId().equals(CALLER_TRACE_ID)).toList();
        OtlpTraces.Span server = trace.stream().filter(span -> span.kind().equals("SERVER")).findFirst().orElseThrow();
        assertEquals("GET /api/profile", server.name());
        assertEquals(CALLER_SPAN_ID, server.parentSpanId(), "the caller's sampled trace is continued");
        assertTrue(trace.stream().anyMatch(span -> span.name().equals("DynamoDb.GetItem")), "the GetItem is in the trace");
        writeDump(trace);
    }

    private static void writeDump(List<OtlpTraces.Span> trace) throws IOException {
        StringBuilder dump = new StringBuilder("# GET /api/profile as exported over OTLP/HTTP protobuf, decoded\n");
        dump.append("resource: ").append(trace.get(0).resource()).append('\n');
        trace.forEach(span -> dump.append(span).append('\n'));
        Files.writeString(TRACE_DUMP, dump);
        System.out.print(dump);
    }
}
