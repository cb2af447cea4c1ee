package dev.profileservice.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a key name (header, JSON field, query or config key) holds a secret. Keys are split into
 * words ({@code x-api-key}, {@code clientSecret}, {@code AWS_SECRET_ACCESS_KEY}), so case and the
 * {@code -}/{@code _}/camelCase variants need no separate entries, and {@code className} is not an "ssn".
 */
final class SensitiveKeys {

    // word (lower case, no separators) -> kind shown in the placeholder; a small fixed set keeps kinds greppable
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("password", "password"), Map.entry("passwords", "password"), Map.entry("passwd", "password"),
            Map.entry("pwd", "password"), Map.entry("pass", "password"), Map.entry("passphrase", "password"),
            Map.entry("secret", "secret"), Map.entry("secrets", "secret"),
            Map.entry("token", "token"), Map.entry("tokens", "token"),
            Map.entry("authorization", "authorization"),
            Map.entry("cookie", "cookie"), Map.entry("cookies", "cookie"),
            Map.entry("apikey", "api-key"), Map.entry("privatekey", "private-key"),
            Map.entry("credential", "credentials"), Map.entry("credentials", "credentials"),
            Map.entry("ssn", "ssn"), Map.entry("signature", "signature"), Map.entry("otp", "otp"),
            Map.entry("sessionid", "session-id"), Map.entry("jsessionid", "session-id"),
            Map.entry("keyset", "keyset"), Map.entry("keysets", "keyset"),
            Map.entry("codeverifier", "pkce-verifier"));

    private final Map<String, String> kindByWord;
    /** The first three characters of every word, by {@link #index}; null when a word is too short to have three. */
    private final boolean[] openings;

    SensitiveKeys(Collection<String> extraKeys) {
        Map<String, String> words = new HashMap<>(BUILT_IN);
        for (String key : extraKeys) {
            String word = String.join("", words(key));
            if (!word.isEmpty()) {
                words.put(word, key.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            }
        }
        this.kindByWord = Map.copyOf(words);
        this.openings = openings(kindByWord.keySet());
    }

    /**
     * False when {@code text[start, end)} cannot be a secret's key: no three adjacent letters or digits of it (case
     * and separators ignored, as {@link #kindOf} joins its words) open any known word. Costs no allocation, so most
     * keys of a log line ({@code 05} in a time, {@code arn}, {@code user}) are let go cheaply.
     */
    boolean mayBeSecret(String text, int start, int end) {
        if (openings == null) {
            return true;
        }
        int first = -1;
        int second = -1;
        for (int i = start; i < end; i++) {
            int third = index(text.charAt(i));
            if (third < 0) {
                continue;
            }
            if (first >= 0 && openings[(first * 36 + second) * 36 + third]) {
                return true;
            }
            first = second;
            second = third;
        }
        return false;
    }

    /** The first three characters of every word; null (no filtering) when a word is shorter or not ASCII. */
    private static boolean[] openings(Collection<String> words) {
        boolean[] openings = new boolean[36 * 36 * 36];
        for (String word : words) {
            if (word.length() < 3 || index(word.charAt(0)) < 0 || index(word.charAt(1)) < 0 || index(word.charAt(2)) < 0) {
                return null;
            }
            openings[(index(word.charAt(0)) * 36 + index(word.charAt(1))) * 36 + index(word.charAt(2))] = true;
        }
        return openings;
    }

    /** a-z (either case) as 0-25, digits as 26-35, anything else -1. */
    private static int index(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return c >= '0' && c <= '9' ? 26 + c - '0' : -1;
    }

    /** The placeholder kind when {@code key} names a secret, else {@code null}. */
    String kindOf(String key) {
        // The whole key as one word first ("password", "X-Api-Key"): no split, no list.
        char[] joined = new char[key.length()];
        int length = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                joined[length++] = Character.toLowerCase(c);
            }
        }
        String whole = kindByWord.get(new String(joined, 0, length));
        if (whole != null) {
            return whole;
        }
        List<String> words = words(key);
        for (int i = 0; i < words.size(); i++) {
            String kind = kindByWord.get(words.get(i));
            if (kind == null && i + 1 < words.size()) {
                kind = kindByWord.get(words.get(i) + words.get(i + 1));
            }
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /** Lower-case words of a key, split at separators and camelCase humps ("APIKey" -> api, key). */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            boolean hump = Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(key.charAt(i - 1))
                    || (i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1))
                            && Character.isUpperCase(key.charAt(i - 1))));
            if (hump) {
                flush(word, words);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
