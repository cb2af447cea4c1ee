package dev.profileservice.bench;

import java.util.concurrent.TimeUnit;

import org.jboss.logmanager.ExtLogRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.profileservice.logging.MaskingFilter;

/**
 * Cost of masking one record. Each operation builds a fresh record, because the filter rewrites it in place;
 * {@link #recordOnly} measures that construction so it can be subtracted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaskingCostBenchmark {

    private MaskingFilter filter;
    private Throwable chain;

    @Setup
    public void setUp() {
        filter = Samples.filter();
        chain = Samples.chain(10);
    }

    @Benchmark
    public ExtLogRecord recordOnly() {
        return Samples.typical();
    }

    @Benchmark
    public ExtLogRecord typicalMessage() {
        ExtLogRecord record = Samples.typical();
        filter.isLoggable(record);
        return record;
    }

    @Benchmark
    public ExtLogRecord worstCase4kMessage() {
        ExtLogRecord record = Samples.worstCase();
        filter.isLoggable(record);
        return record;
    }

    @Benchmark
    public ExtLogRecord exceptionChain10Deep() {
        ExtLogRecord record = Samples.withChain(chain);
        filter.isLoggable(record);
        return record;
    }
}
