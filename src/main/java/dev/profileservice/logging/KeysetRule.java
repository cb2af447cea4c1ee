package dev.profileservice.logging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks Tink keysets wherever they appear: a JSON keyset (cleartext or encrypted, escaped inside another JSON
 * string or not) is replaced whole, from the brace that opens it to the one that closes it; base64 of a JSON
 * keyset, as the keyset settings hold it, is replaced when its first bytes decode to a keyset's opening.
 */
final class KeysetRule implements MaskRule {

    static final String KIND = "keyset";

    /** Fields only a keyset (or one key of it) has; each sits directly inside the object to mask. */
    private static final List<String> KEYSET_FIELDS = List.of("primaryKeyId", "encryptedKeyset", "keyData", "keysetInfo");

    // base64 of '{' then '"', ' ' or a line break starts with "ey" or "ew"
    private static final Pattern BASE64_JSON = Pattern.compile("e(?<![A-Za-z0-9+/]e)[yw][A-Za-z0-9+/]{30,}+={0,2}");
    private static final List<String> OPENINGS = List.of("{\"primaryKeyId\"", "{\"encryptedKeyset\"", "{\"key\"",
            "{\"keysetInfo\"");

    private KeysetRule() {
    }

    static List<MaskRule> all() {
        return List.of(new KeysetRule(), new PatternRule(KIND, BASE64_JSON, TextShape.containsAny("ey", "ew"),
                KeysetRule::decodesToAKeyset, Starts.at('e', Starts.WORD.replace("_", "") + "+/")));
    }

    @Override
    public String apply(String text) {
        Splice masked = new Splice(text);
        int from = 0;
        while (true) {
            int field = nextField(text, from);
            if (field < 0) {
                return masked.result();
            }
            int open = enclosingBrace(text, field);
            int close = open < 0 ? -1 : matchingBrace(text, open);
            if (open < 0 || open < from) {
                from = field + 1; // a bare field name, or one inside an object already masked
                continue;
            }
            int end = close < 0 ? text.length() : close + 1;
            masked.replace(open, end, MaskRule.placeholder(KIND));
            from = end;
        }
    }

    private static int nextField(String text, int from) {
        int first = -1;
        for (String name : KEYSET_FIELDS) {
            int at = text.indexOf(name, from);
            while (at >= 0 && !quotedField(text, at, name.length())) {
                at = text.indexOf(name, at + 1);
            }
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The name is a JSON field: quoted (the quotes possibly escaped, inside another JSON string), then a colon. */
    private static boolean quotedField(String text, int at, int length) {
        if (at == 0 || text.charAt(at - 1) != '"') {
            return false;
        }
        int i = at + length;
        if (i < text.length() && text.charAt(i) == '\\') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '"') {
            return false;
        }
        i++;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }

    private static int enclosingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean decodesToAKeyset(String base64) {
        String head = base64.substring(0, Math.min(base64.length(), 64) & ~3);
        try {
            String json = new String(Base64.getDecoder().decode(head), StandardCharsets.UTF_8).replaceAll("\\s+", "");
            return OPENINGS.stream().anyMatch(json::startsWith);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
