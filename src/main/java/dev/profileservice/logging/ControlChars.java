package dev.profileservice.logging;

/**
 * Escapes line breaks and other control characters in a log message, so text from a request cannot forge a
 * second log line in text output or break a line-based collector. Bidi overrides are escaped too: they make a
 * line read differently from what it contains.
 */
final class ControlChars {

    private ControlChars() {
    }

    static String neutralise(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                continue;
            }
            out.append(text, copied, i); // the safe run before it, in one copy
            copied = i + 1;
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean unsafe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return false; // printable ASCII, nearly every character: one test
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
