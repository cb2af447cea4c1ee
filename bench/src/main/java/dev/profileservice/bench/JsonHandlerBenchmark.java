package dev.profileservice.bench;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.handlers.OutputStreamHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Records per second through a real log-manager handler that writes JSON lines to a null stream. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonHandlerBenchmark {

    @Param({"false", "true"})
    public boolean masked;

    private OutputStreamHandler handler;
    private Throwable chain;

    @Setup
    public void setUp() {
        handler = new OutputStreamHandler(OutputStream.nullOutputStream(), new JsonFormatter());
        if (masked) {
            handler.setFilter(Samples.filter());
        }
        chain = Samples.chain(10);
    }

    @TearDown
    public void tearDown() {
        handler.close();
    }

    @Benchmark
    public void typicalRecord() {
        handler.publish(Samples.typical());
    }

    @Benchmark
    public void worstCase4kRecord() {
        handler.publish(Samples.worstCase());
    }

    @Benchmark
    public void exceptionChain10DeepRecord() {
        handler.publish(Samples.withChain(chain));
    }
}
