package dev.profileservice.logging;

import static dev.profileservice.logging.TextShape.containsAny;
import static dev.profileservice.logging.TextShape.digitRun;
import static dev.profileservice.logging.TextShape.run;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The built-in value patterns, in the order they run. Order matters: whole blocks (keysets, PEM, JWT) go before the
 * fragments inside them could be mistaken for something else, and card numbers go before the shorter SSN and
 * phone shapes. Every regex is anchored on a token boundary and uses bounded or possessive quantifiers, so a
 * long run of digits or base64 costs linear time. Most start with the character they need and check the boundary
 * behind it afterwards: a lookbehind tried at every position of the text costs about twice as much.
 */
final class KnownPatterns {

    private KnownPatterns() {
    }

    static List<MaskRule> all() {
        List<MaskRule> all = new java.util.ArrayList<>(KeysetRule.all());
        all.addAll(valuePatterns());
        return List.copyOf(all);
    }

    private static List<MaskRule> valuePatterns() {
        return List.of(
                // jose4j puts a rejected token's whole payload in its message ("JWT (claims->{...}) rejected due to
                // invalid claims"), and quarkus-oidc logs that message at DEBUG: names, username, session id, address.
                // The reason that follows stays readable; a payload without that ending is masked to the end.
                new PatternRule("jwt-claims", "JWT \\(claims->(?<v>\\{[\\s\\S]*?\\})\\) rejected due to",
                        containsAny("claims->"), Starts.at("JWT (claims->")),
                new PatternRule("jwt-claims", "JWT \\(claims->(?!\\[REDACTED)(?<v>[\\s\\S]++)", containsAny("claims->"),
                        Starts.at("JWT (claims->")),
                // quarkus-oidc logs the code exchange's form at DEBUG: "grant_type=authorization_code\ncode=...".
                new PatternRule("authorization-code", "c(?<![\\w-]c)ode=(?<v>[^\\s&\"\\\\]{4,}+)",
                        containsAny("authorization_code"), Starts.at("code=")),
                new PatternRule("private-key", "-----BEGIN [A-Z0-9 ]{0,20}PRIVATE KEY[A-Z ]{0,10}-----"
                        + "(?:[\\s\\S]*?-----END [A-Z0-9 ]{0,20}PRIVATE KEY[A-Z ]{0,10}-----|[\\s\\S]*+)",
                        containsAny("PRIVATE KEY"), Starts.at("-----BEGIN ")),
                new PatternRule("jwt", "eyJ(?<![\\w-]eyJ)[\\w-]{2,}+(?:\\.[\\w-]*+){2,4}+", containsAny("eyJ"), Starts.at("eyJ")),
                new PatternRule("bearer", "\\b(?:Bearer|bearer|BEARER)[ \\t]++(?<v>[\\w.~+/-]{8,}+=*+)",
                        containsAny("Bearer", "bearer", "BEARER"), Starts.atWord("bearer")),
                new PatternRule("basic", Pattern.compile("\\b(?:Basic|BASIC)[ \\t]++(?<v>[A-Za-z0-9+/]{8,}+=*+)"),
                        containsAny("Basic", "BASIC"), KnownPatterns::userColonPassword, Starts.atWord("basic")),
                new PatternRule("url-credentials", "(?<=://)(?<v>[^/\\s:@]{1,128}+:[^/\\s@]{1,256}+)@",
                        text -> text.contains("://") && text.indexOf('@') > 0, Starts.after("://")),
                new PatternRule("aws-access-key-id", "A(?<![A-Z0-9]A)(?:KIA|SIA|IDA|ROA|GPA|NPA|IPA|NVA|BIA|CCA|PKA|SCA"
                        + "|3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])",
                        run(20, Starts.UPPER + Starts.DIGITS),
                        Starts.at('A', Starts.UPPER + Starts.DIGITS).where((t, i) -> Starts.is(t, i + 1, "KSIRGNBCP3"))),
                new PatternRule("aws-secret-key", Pattern.compile("(?i:secret|aws)[\\w \\t:=\"'-]{0,30}?"
                        + "(?<![A-Za-z0-9/+=])(?<v>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
                        run(40, Starts.WORD.replace("_", "") + "/+="),
                        KnownPatterns::mixedCase, Starts.atWord("secret", "aws")),
                new PatternRule("aws-account", "arn:aws[\\w-]*+:[\\w-]*+:[\\w-]*+:(?<v>\\d{12}):", containsAny("arn:"),
                        Starts.at("arn:aws")),
                new EmailRule(),
                new PatternRule("card", Pattern.compile("(?<v>[2-6](?<![\\d-][2-6])(?:\\d{12,18}+"
                        + "|\\d{3}(?:[ -]\\d{3,6}+){2,4}))(?!\\d|-\\d)"), digitRun(13), Luhn::isCardNumber,
                        Starts.at("23456", Starts.DIGITS + "-").where(KnownPatterns::cardShape)),
                new PatternRule("ssn", "\\d(?<![\\d-]\\d)\\d{2}-\\d{2}-\\d{4}(?![\\d-])", digitRun(9),
                        Starts.before('-', 3)
                                .where((t, i) -> Starts.digits(t, i, 3) && !Starts.is(t, i - 1, Starts.DIGITS + "-"))),
                new PatternRule("ssn", "(?i:\\bssn|social[ _-]?security(?:[ _-]?(?:number|no))?)"
                        + "\\b[^\\d\\r\\n]{0,20}+(?<v>\\d{9}|\\d{3} \\d{2} \\d{4})(?!\\d)", digitRun(9),
                        Starts.atWord("ssn", "social")),
                new PatternRule("phone", Pattern.compile("\\+(?<![\\w+]\\+)(?:[1-9]\\d{7,14}+"
                        + "|[1-9]\\d{0,2}(?:[ .-]\\(?\\d{1,4}+\\)?){2,5}+)(?!\\d)"),
                        digitRun(8).and(containsAny("+")), KnownPatterns::phoneLength,
                        Starts.at('+', Starts.WORD + "+").where((t, i) -> Starts.is(t, i + 1, "123456789"))),
                new PatternRule("phone", "(?:\\((?<![\\w-]\\()\\d{3}\\)[ .-]?|\\d(?<![\\w-]\\d)\\d{2}[.-])"
                        + "\\d{3}[.-]\\d{4}(?![\\w-])|0(?<![\\w-]0)\\d{2,4}[ -]\\d{3,4}[ -]?\\d{3,4}(?![\\w-])", digitRun(10),
                        Starts.at("(" + Starts.DIGITS, Starts.WORD + "-").where(KnownPatterns::phoneShape)));
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

    private static boolean mixedCase(String candidate) {
        return !candidate.equals(candidate.toLowerCase(Locale.ROOT))
                && !candidate.equals(candidate.toUpperCase(Locale.ROOT));
    }

    /** 13 digits, or 4 digits, a space or dash, and 3 digits: the two ways a card number begins. */
    private static boolean cardShape(String text, int i) {
        return Starts.digits(text, i, 4) && (Starts.digits(text, i + 4, 9)
                || Starts.is(text, i + 4, " -") && Starts.digits(text, i + 5, 3));
    }

    /** (ddd) or ddd. or ddd- or 0dd: the three ways the regex of local numbers begins. */
    private static boolean phoneShape(String text, int i) {
        return text.charAt(i) == '('
                ? Starts.digits(text, i + 1, 3) && Starts.is(text, i + 4, ")")
                : Starts.digits(text, i + 1, 2) && (text.charAt(i) == '0' || Starts.is(text, i + 3, ".-"));
    }

    private static boolean phoneLength(String candidate) {
        long digits = candidate.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 8 && digits <= 15;
    }
}
