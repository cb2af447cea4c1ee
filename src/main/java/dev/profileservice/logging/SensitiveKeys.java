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
            Map.entry("keyset", "keyset"), Map.entry("keysets", "keyset"));

    private final Map<String, String> kindByWord;

    SensitiveKeys(Collection<String> extraKeys) {
        Map<String, String> words = new HashMap<>(BUILT_IN);
        for (String key : extraKeys) {
            String word = String.join("", words(key));
            if (!word.isEmpty()) {
                words.put(word, key.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            }
        }
        this.kindByWord = Map.copyOf(words);
    }

    /** The placeholder kind when {@code key} names a secret, else {@code null}. */
    String kindOf(String key) {
        List<String> words = words(key);
        String whole = kindByWord.get(String.join("", words));
        if (whole != null) {
            return whole;
        }
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
