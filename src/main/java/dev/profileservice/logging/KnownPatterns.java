package dev.profileservice.logging;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The built-in value patterns, in the order they run. Order matters: whole blocks (PEM, JWT) go before the
 * fragments inside them could be mistaken for something else, and card numbers go before the shorter SSN and
 * phone shapes. Every regex is anchored on a token boundary and uses bounded or possessive quantifiers, so a
 * long run of digits or base64 costs linear time.
 */
final class KnownPatterns {

    private KnownPatterns() {
    }

    static List<MaskRule> all() {
        return List.of(
                new PatternRule("private-key", "-----BEGIN [A-Z0-9 ]{0,20}PRIVATE KEY[A-Z ]{0,10}-----"
                        + "(?:[\\s\\S]*?-----END [A-Z0-9 ]{0,20}PRIVATE KEY[A-Z ]{0,10}-----|[\\s\\S]*+)",
                        "PRIVATE KEY"),
                new PatternRule("jwt", "(?<![\\w-])eyJ[\\w-]{2,}+(?:\\.[\\w-]*+){2,4}+", "eyJ"),
                new PatternRule("bearer", "\\b(?:Bearer|bearer|BEARER)[ \\t]++(?<v>[\\w.~+/-]{8,}+=*+)", "earer"),
                new PatternRule("basic", Pattern.compile("\\b(?:Basic|BASIC)[ \\t]++(?<v>[A-Za-z0-9+/]{8,}+=*+)"), "B",
                        KnownPatterns::userColonPassword),
                new PatternRule("url-credentials", "(?<=://)(?<v>[^/\\s:@]{1,128}+:[^/\\s@]{1,256}+)@", "://"),
                new PatternRule("aws-access-key-id", "(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|AIPA|ANVA|ABIA"
                        + "|ACCA|APKA|ASCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])", "A"),
                new PatternRule("aws-secret-key", Pattern.compile("(?i:secret|aws)[\\w \\t:=\"'-]{0,30}?"
                        + "(?<![A-Za-z0-9/+=])(?<v>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
                        null, KnownPatterns::mixedCase),
                new PatternRule("aws-account", "arn:aws[\\w-]*+:[\\w-]*+:[\\w-]*+:(?<v>\\d{12}):", "arn:"),
                new PatternRule("email", "(?<![\\w.%+-])[\\w.%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.)+"
                        + "[A-Za-z]{2,24}+(?![A-Za-z])", "@"),
                new PatternRule("card", Pattern.compile("(?<![\\d-])(?<v>[2-6]\\d{12,18}+"
                        + "|[2-6]\\d{3}(?:[ -]\\d{3,6}+){2,4})(?!\\d|-\\d)"), null, Luhn::isCardNumber),
                new PatternRule("ssn", "(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])", "-"),
                new PatternRule("ssn", "(?i:\\bssn|social[ _-]?security(?:[ _-]?(?:number|no))?)"
                        + "\\b[^\\d\\r\\n]{0,20}+(?<v>\\d{9}|\\d{3} \\d{2} \\d{4})(?!\\d)", null),
                new PatternRule("phone", Pattern.compile("(?<![\\w+])\\+(?:[1-9]\\d{7,14}+"
                        + "|[1-9]\\d{0,2}(?:[ .-]\\(?\\d{1,4}+\\)?){2,5}+)(?!\\d)"), "+", KnownPatterns::phoneLength),
                new PatternRule("phone", "(?<![\\w-])(?:\\(\\d{3}\\)[ .-]?|\\d{3}[.-])\\d{3}[.-]\\d{4}(?![\\w-])"
                        + "|(?<![\\w-])0\\d{2,4}[ -]\\d{3,4}[ -]?\\d{3,4}(?![\\w-])", null));
    }

    private static boolean mixedCase(String candidate) {
        return !candidate.equals(candidate.toLowerCase(Locale.ROOT))
                && !candidate.equals(candidate.toUpperCase(Locale.ROOT));
    }

    /** Basic credentials are base64 of "user:password"; an English word after "Basic" does not decode to that. */
    private static boolean userColonPassword(String candidate) {
        try {
            byte[] decoded = Base64.getDecoder().decode(candidate);
            for (byte b : decoded) {
                if (b == ':') {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean phoneLength(String candidate) {
        long digits = candidate.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 8 && digits <= 15;
    }
}
