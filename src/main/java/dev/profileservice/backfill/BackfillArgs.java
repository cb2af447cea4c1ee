package dev.profileservice.backfill;

import java.util.Optional;

import dev.profileservice.backfill.Backfill.Mode;
import dev.profileservice.backfill.Backfill.Options;

/** The command line of {@code backfill}; a bad argument is a usage error, never a half-configured run. */
public final class BackfillArgs {

    public static final String COMMAND = "backfill";
    public static final String USAGE = "usage: backfill [--mode encrypt|rotate] [--rate ITEMS_PER_SECOND] [--page-size N]"
            + " [--resume-from TOKEN]";

    private BackfillArgs() {
    }

    /** Parses the arguments after {@code backfill}; throws IllegalArgumentException with the usage on any mistake. */
    public static Options parse(String[] args) {
        Options options = Options.defaults(Mode.ENCRYPT);
        Mode mode = options.mode();
        int pageSize = options.pageSize();
        double rate = options.ratePerSecond();
        Optional<String> resumeFrom = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw usage(flag + " needs a value");
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--mode" -> mode = Mode.parse(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--page-size" -> pageSize = Integer.parseInt(value);
                    case "--resume-from" -> {
                        ResumeToken.decode(value);
                        resumeFrom = Optional.of(value);
                    }
                    default -> throw usage("unknown option " + flag);
                }
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("usage") ? e : usage("bad value for " + flag);
            }
        }
        if (!(rate > 0) || pageSize < 1 || pageSize > 1_000) {
            throw usage("--rate must be positive and --page-size from 1 to 1000");
        }
        return new Options(mode, pageSize, rate, resumeFrom);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(USAGE + " (" + problem + ")");
    }
}
