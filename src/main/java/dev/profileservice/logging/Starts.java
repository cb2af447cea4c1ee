package dev.profileservice.logging;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a pattern's match may begin. {@code Matcher.find()} tries the regex at every position of the text, and on a
 * 4 KB line dense with digits that cost tens of microseconds per rule even where nothing can start. A rule that
 * knows how its matches begin jumps from one such position to the next and tries the regex only there, finding
 * them with {@code indexOf} (SIMD) where one character is required, else with a loop over a lookup table. Every
 * position where the regex could match must be returned (a superset is fine: the regex still decides), so the
 * matches are exactly those of {@code find()}.
 */
@FunctionalInterface
interface Starts {

    String DIGITS = "0123456789";
    String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Java's {@code \w}: ASCII letters, digits and the underscore. */
    String WORD = UPPER + UPPER.toLowerCase(Locale.ROOT) + DIGITS + "_";

    /** Every position. */
    Starts ANYWHERE = text -> from -> from < text.length() ? from : -1;

    /** The starts in one text, asked for with non-decreasing {@code from}. */
    Cursor over(String text);

    @FunctionalInterface
    interface Cursor {
        /** The first start at or after {@code from}, or -1. */
        int next(int from);
    }

    /** What must hold at a start for the regex to have a chance; checked only where a cursor stopped. */
    @FunctionalInterface
    interface Shape {
        boolean at(String text, int i);
    }

    /** These starts, where {@code shape} also holds. */
    default Starts where(Shape shape) {
        return text -> {
            Cursor starts = over(text);
            return from -> {
                for (int at = starts.next(from); at >= 0; at = starts.next(at + 1)) {
                    if (shape.at(text, at)) {
                        return at;
                    }
                }
                return -1;
            };
        };
    }

    /** At each occurrence of {@code literal}. */
    static Starts at(String literal) {
        return text -> from -> text.indexOf(literal, from);
    }

    /** Right after each occurrence of {@code literal}. */
    static Starts after(String literal) {
        return text -> from -> {
            int at = text.indexOf(literal, Math.max(0, from - literal.length()));
            return at < 0 ? -1 : at + literal.length();
        };
    }

    /** {@code offset} characters before each {@code anchor}: for regexes with a fixed character there. */
    static Starts before(char anchor, int offset) {
        return text -> from -> {
            int at = text.indexOf(anchor, from + offset);
            return at < 0 ? -1 : at - offset;
        };
    }

    /** At any of {@code chars}, each found with indexOf and looked for again only once passed. */
    static Starts atAny(String chars) {
        return text -> {
            int[] next = new int[chars.length()];
            Arrays.fill(next, -2); // not looked for yet; -1 is "no more"
            return from -> {
                int first = -1;
                for (int k = 0; k < next.length; k++) {
                    if (next[k] != -1 && next[k] < from) {
                        next[k] = text.indexOf(chars.charAt(k), from);
                    }
                    first = next[k] >= 0 && (first < 0 || next[k] < first) ? next[k] : first;
                }
                return first;
            };
        };
    }

    /**
     * At a character of {@code first} whose preceding character (if any) is not one of {@code notBefore}. Both are
     * ASCII sets held as lookup tables: the loop makes no call per character.
     */
    static Starts at(String first, String notBefore) {
        boolean[] starts = table(first);
        boolean[] rejects = table(notBefore);
        return text -> from -> {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128 && starts[c]) {
                    char before = i == 0 ? 0 : text.charAt(i - 1);
                    if (before >= 128 || !rejects[before]) {
                        return i;
                    }
                }
            }
            return -1;
        };
    }

    /** At {@code first} where the preceding character (if any) is not one of {@code notBefore}. */
    static Starts at(char first, String notBefore) {
        return atAny(String.valueOf(first))
                .where((text, i) -> i == 0 || notBefore.indexOf(text.charAt(i - 1)) < 0);
    }

    /** At each occurrence of one of {@code words}, ignoring ASCII case (a superset of case-sensitive matches). */
    static Starts atWord(String... words) {
        StringBuilder first = new StringBuilder();
        for (String word : words) {
            first.append(word.toLowerCase(Locale.ROOT).charAt(0)).append(word.toUpperCase(Locale.ROOT).charAt(0));
        }
        return atAny(first.toString()).where((text, i) -> {
            for (String word : words) {
                // the second letter, case folded by hand, turns most candidates away before regionMatches
                if (i + 1 < text.length() && (text.charAt(i + 1) | 0x20) == (word.charAt(1) | 0x20)
                        && text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** {@code count} characters of {@code chars} from {@code i} on. */
    static boolean all(String text, int i, int count, String chars) {
        if (i < 0 || i + count > text.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            if (chars.indexOf(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code count} ASCII digits from {@code i} on. */
    static boolean digits(String text, int i, int count) {
        if (i < 0 || i + count > text.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The character at {@code i} is one of {@code chars}. */
    static boolean is(String text, int i, String chars) {
        return all(text, i, 1, chars);
    }

    private static boolean[] table(String chars) {
        boolean[] table = new boolean[128];
        chars.chars().forEach(c -> table[c] = true);
        return table;
    }
}
