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
        if (!BackfillArgs.COMMAND.equals(args[0])) {
            Log.error(BackfillArgs.USAGE);
            return 1;
        }
        try {
            Backfill.Report report = backfill.run(BackfillArgs.parse(Arrays.copyOfRange(args, 1, args.length)));
            Log.infof("backfill finished: %s", report);
            return 0;
        } catch (IllegalArgumentException e) {
            Log.error(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            Log.errorf("backfill aborted (%s); rerun with --resume-from the last logged token, or from the start: it is idempotent",
                    e.getClass().getSimpleName());
            return 1;
        }
    }
}
