package dev.profileservice.logging;

/** Card-number check: lets a masked run be a plausible card, not any long number. */
final class Luhn {

    private Luhn() {
    }

    /** True for 13 to 19 digits (separators ignored) with a valid Luhn checksum. */
    static boolean isCardNumber(String candidate) {
        int sum = 0;
        int digits = 0;
        for (int i = candidate.length() - 1; i >= 0; i--) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (digits++ % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return digits >= 13 && digits <= 19 && sum % 10 == 0;
    }
}
