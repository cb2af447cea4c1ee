package dev.profileservice.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * An OTLP trace receiver on 127.0.0.1 for the service under test: it answers both OTLP/gRPC
 * (HTTP/2 cleartext) and OTLP/HTTP protobuf, and writes every request body, byte for byte, to
 * {@code target/otlp-received/<protocol>/}. Files, because the test and this resource may live in
 * different class loaders. Arg {@code protocol}: {@code grpc} or {@code http/protobuf}.
 */
public class OtlpReceiverResource implements QuarkusTestResourceLifecycleManager {

    static final String DIR_PROPERTY = "otlp.receiver.dir";
    static final String PROTOCOL_PROPERTY = "otlp.receiver.protocol";
    public static final String GRPC = "grpc";

    private final AtomicInteger received = new AtomicInteger();
    private String protocol = "http/protobuf";
    private Vertx vertx;
    private Path dir;

    @Override
    public void init(Map<String, String> initArgs) {
        protocol = initArgs.getOrDefault("protocol", protocol);
    }

    @Override
    public Map<String, String> start() {
        dir = Path.of("target", "otlp-received", protocol.replace('/', '-'));
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                    .setHttp2ClearTextEnabled(true))
                    .requestHandler(this::receive)
                    .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.setProperty(DIR_PROPERTY, dir.toAbsolutePath().toString());
            System.setProperty(PROTOCOL_PROPERTY, protocol);
            // A lost export (see OtlpExport.awaitSpan) holds up the batches behind it for the batch
            // processor's export timeout, 30 s by default: here 3 s.
            return Map.of(
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.actualPort(),
                    "quarkus.otel.exporter.otlp.traces.protocol", protocol,
                    "quarkus.otel.exporter.otlp.traces.timeout", "3s",
                    "quarkus.otel.bsp.export.timeout", "3s",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OTLP receiver", e);
        }
    }

    private void receive(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                String name = String.format("%05d", received.incrementAndGet());
                Path partial = Files.write(dir.resolve(name + ".part"), body.getBytes());
                Files.move(partial, dir.resolve(name + ".bin"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                request.response().setStatusCode(500).end();
                return;
            }
            String type = String.valueOf(request.getHeader("content-type"));
            if (type.startsWith("application/grpc")) {
                // An empty ExportTraceServiceResponse in one gRPC frame, then status OK in the trailers.
                request.response().putHeader("content-type", "application/grpc").putTrailer("grpc-status", "0")
                        .end(Buffer.buffer(new byte[5]));
            } else {
                request.response().putHeader("content-type", "application/x-protobuf").end();
            }
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** For a test profile: this receiver, and the service exporting to it with {@code protocol}. */
    public static List<io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry> receiving(String protocol) {
        return List.of(new io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry(OtlpReceiverResource.class,
                Map.of("protocol", protocol)));
    }

    /** Whether the bodies are gRPC frames (test side). */
    public static boolean grpc() {
        return GRPC.equals(System.getProperty(PROTOCOL_PROPERTY));
    }

    /** The raw request bodies received so far, in arrival order (test side). */
    public static List<byte[]> bodies() {
        String dir = System.getProperty(DIR_PROPERTY);
        List<byte[]> bodies = new ArrayList<>();
        if (dir == null) {
            return bodies;
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bin")).sorted().toList()) {
                bodies.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }
}
