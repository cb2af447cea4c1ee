package dev.profileservice.crypto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The KMS client that opens KMS-wrapped keysets is built by crypto/ itself, not by a Quarkus
 * extension: it must carry the tracing interceptor it is given. Checked against a KMS stub on
 * 127.0.0.1 through the real SDK client, its default chains pointed there by system properties.
 */
class KmsTracingTest {

    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final Map<String, String> AWS = Map.of("aws.region", "us-east-1", "aws.accessKeyId", "local",
            "aws.secretAccessKey", "local");

    private WireMockServer kms;

    @BeforeEach
    void startKms() {
        kms = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        kms.start();
        AWS.forEach(System::setProperty);
        System.setProperty("aws.endpointUrlKms", "http://127.0.0.1:" + kms.port());
    }

    @AfterEach
    void stopKms() {
        AWS.keySet().forEach(System::clearProperty);
        System.clearProperty("aws.endpointUrlKms");
        kms.stop();
    }

    @Test
    void aKmsDecryptIsAClientSpanNamedByServiceAndOperation() throws Exception {
        byte[] plaintext = { 7, 7, 7 };
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"KeyId\": \"" + ARN + "\", \"Plaintext\": \""
                                + Base64.getEncoder().encodeToString(plaintext) + "\"}")));
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();

        AwsKmsClient client = AwsKmsClient.defaultChain(List.of(AwsSdkTelemetry.create(otel).newExecutionInterceptor()));
        assertArrayEquals(plaintext, client.getAead(AwsKmsClient.PREFIX + ARN).decrypt(new byte[] { 1, 2, 3 }, new byte[0]));

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertEquals(1, finished.size(), "one span per KMS call: " + finished);
        SpanData span = finished.get(0);
        assertEquals("Kms.Decrypt", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals("Decrypt", span.getAttributes().get(AttributeKey.stringKey("rpc.method")));
        otel.close();
    }
}
