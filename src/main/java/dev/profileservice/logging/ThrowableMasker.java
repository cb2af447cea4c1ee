package dev.profileservice.logging;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Returns a copy of an exception whose messages are masked along the whole cause and suppressed graph, with the
 * original stack frames. Messages that quote request values (Jackson's) are replaced by class and JSON path. Formatters print the exception themselves, so masking the log message is not enough.
 * A clean graph is returned as is, so the common case costs no allocation and no reflection.
 */
final class ThrowableMasker {

    /** Deeper graphs are cut: a runaway chain must not make logging itself fail. */
    static final int MAX_DEPTH = 32;

    private final UnaryOperator<String> rules;

    ThrowableMasker(UnaryOperator<String> rules) {
        this.rules = rules;
    }

    Throwable mask(Throwable thrown) {
        return copy(thrown, new IdentityHashMap<>(), 0);
    }

    private Throwable copy(Throwable original, Map<Throwable, Throwable> done, int depth) {
        if (original == null) {
            return null;
        }
        if (done.containsKey(original)) {
            return done.get(original); // null while in progress: that breaks a cycle
        }
        if (depth >= MAX_DEPTH) {
            return carrier(original, MaskRule.placeholder("truncated-chain"), null, new Throwable[0]);
        }
        done.put(original, null);
        String message = original.getMessage();
        String masked = ValueFreeMessages.quotesValues(original) ? ValueFreeMessages.describe(original) : rules.apply(message);
        Throwable cause = copy(original.getCause(), done, depth + 1);
        Throwable[] suppressed = original.getSuppressed();
        boolean same = Objects.equals(masked, message)
                && Objects.equals(message, original.getLocalizedMessage())
                && cause == original.getCause();
        for (int i = 0; i < suppressed.length; i++) {
            Throwable copy = copy(suppressed[i], done, depth + 1);
            same &= copy == suppressed[i];
            suppressed[i] = copy;
        }
        Throwable result = same ? original : rebuild(original, masked, cause, suppressed);
        done.put(original, result);
        return result;
    }

    private static Throwable rebuild(Throwable original, String masked, Throwable cause, Throwable[] suppressed) {
        Throwable copy = SameClassCopy.of(original, masked);
        if (copy != null) {
            try {
                if (cause != null) {
                    copy.initCause(cause);
                }
                return withSuppressedAndFrames(copy, original, suppressed);
            } catch (RuntimeException e) {
                // the class fixed its cause in the constructor, or refuses suppression: use the carrier
            }
        }
        return carrier(original, masked, cause, suppressed);
    }

    private static Throwable carrier(Throwable original, String masked, Throwable cause, Throwable[] suppressed) {
        MaskedThrowable carrier = new MaskedThrowable(original.getClass().getName(), masked);
        if (cause != null) {
            carrier.initCause(cause);
        }
        return withSuppressedAndFrames(carrier, original, suppressed);
    }

    private static Throwable withSuppressedAndFrames(Throwable copy, Throwable original, Throwable[] suppressed) {
        for (Throwable s : suppressed) {
            if (s != null && s != copy) {
                copy.addSuppressed(s);
            }
        }
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
