package dev.profileservice;

import java.util.Arrays;

import jakarta.inject.Inject;

import dev.profileservice.backfill.Backfill;
import dev.profileservice.backfill.BackfillArgs;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One image, two uses: without arguments the service runs until it is stopped; with
 * {@code backfill ...} it runs the backfill command once and exits 0 on success, 1 on a
 * usage error or an aborted run (the log's last resume token says where to pick up).
 */
@QuarkusMain
public class ProfileServiceMain implements QuarkusApplication {

    @Inject
    Backfill backfill;

    public static void main(String... args) {
        Quarkus.run(ProfileServiceMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        Exit exit = command(args, backfill::run);
        if (exit.code() == 0) {
            Log.info(exit.message());
        } else {
            Log.error(exit.message());
        }
        return exit.code();
    }

    /**
     * The outcome of a command line. Only the arguments can be a usage error: anything that
     * fails once the run has started aborts it, with the hint to resume.
     */
    static Exit command(String[] args, Run run) throws InterruptedException {
        if (!BackfillArgs.COMMAND.equals(args[0])) {
            return new Exit(1, BackfillArgs.USAGE);
        }
        Backfill.Options options;
        try {
            options = BackfillArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            return new Exit(1, e.getMessage());
        }
        try {
            return new Exit(0, "backfill finished: " + run.backfill(options));
        } catch (RuntimeException e) {
            return new Exit(1, "backfill aborted (" + e.getClass().getSimpleName()
                    + "); rerun with --resume-from the last logged token, or from the start: it is idempotent");
        }
    }

    /** The backfill itself, apart from its command line. */
    @FunctionalInterface
    interface Run {
        Backfill.Report backfill(Backfill.Options options) throws InterruptedException;
    }

    record Exit(int code, String message) {
    }
}
