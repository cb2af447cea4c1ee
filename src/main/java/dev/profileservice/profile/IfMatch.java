package dev.profileservice.profile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.profileservice.error.ProblemException;

/** Parses an If-Match header holding one strong ETag, the profile version. */
final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("\"([0-9]{1,18})\"");

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent; two If-Match lines are a list, refused like one. */
    static Long version(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw notOneEtag();
        }
        return version(headers.get(0));
    }

    /** The expected version, or null when the header is absent. */
    static Long version(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw notOneEtag();
        }
        return Long.valueOf(matcher.group(1));
    }

    private static ProblemException notOneEtag() {
        return ProblemException.badRequest("If-Match must be exactly one ETag as returned by GET, e.g. \"3\"");
    }
}
