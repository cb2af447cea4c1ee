package dev.profileservice.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.profileservice.error.ProblemException;

/** Parses an If-Match header holding one strong ETag, the profile version. */
final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("\"([0-9]{1,18})\"");

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent. */
    static Long version(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw ProblemException.badRequest("If-Match must be exactly one ETag as returned by GET, e.g. \"3\"");
        }
        return Long.valueOf(matcher.group(1));
    }
}
