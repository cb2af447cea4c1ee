package dev.profileservice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

import org.jboss.logmanager.ExtLogRecord;

import dev.profileservice.logging.MaskingFilter;

/**
 * The records of {@link MaskingCostBenchmark}, timed in CPU time of the measuring thread rather than wall time, so
 * that a machine shared with other work gives the same figure (JMH's wall time grows with the load average).
 * Prints the median of 7 rounds, after 3 rounds of warm-up, in microseconds per record, record building included
 * (about 0.1 µs).
 * <pre>java -cp bench/target/benchmarks.jar dev.profileservice.bench.MaskingCpuTime</pre>
 */
public final class MaskingCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MaskingCpuTime() {
    }

    public static void main(String[] args) {
        MaskingFilter filter = Samples.filter();
        Throwable chain = Samples.chain(10);
        measure("typicalMessage", filter, Samples::typical, 200_000);
        measure("worstCase4kMessage", filter, Samples::worstCase, 5_000);
        measure("exceptionChain10Deep", filter, () -> Samples.withChain(chain), 20_000);
    }

    private static void measure(String name, MaskingFilter filter, Supplier<ExtLogRecord> records, int perRound) {
        double[] rounds = new double[10];
        for (int round = 0; round < rounds.length; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                filter.isLoggable(records.get());
            }
            rounds[round] = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
        }
        double[] measured = Arrays.copyOfRange(rounds, 3, rounds.length);
        Arrays.sort(measured);
        System.out.printf("%-22s %9.2f µs/record CPU (median of %d rounds; min %.2f, max %.2f)%n", name,
                measured[measured.length / 2], measured.length, measured[0], measured[measured.length - 1]);
    }
}
