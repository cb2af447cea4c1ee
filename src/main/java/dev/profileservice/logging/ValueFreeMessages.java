package dev.profileservice.logging;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Messages of exceptions that quote the request's values. Jackson writes the rejected value into its text
 * ({@code Cannot coerce Integer value (219099999)}), and a bare number matches no masking rule, so for these only
 * the exception's class and the JSON path are kept: enough to see which field failed, nothing of its value.
 */
public final class ValueFreeMessages {

    private ValueFreeMessages() {
    }

    /** Whether the message of {@code thrown} may carry request values and must not be logged as it is. */
    public static boolean quotesValues(Throwable thrown) {
        return thrown instanceof JacksonException;
    }

    /** The class and, where known, the JSON path of a failure: {@code MismatchedInputException at ssn}. */
    public static String describe(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        String path = thrown instanceof JsonMappingException mapping ? path(mapping) : "";
        return thrown.getClass().getSimpleName() + (path.isEmpty() ? "" : " at " + path);
    }

    /** The JSON path of a mapping failure ({@code preferences.theme}, {@code items[0]}), names reduced to safe characters. */
    public static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + safeName(r.getFieldName()) : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Field names come from the request: keep them short and printable before echoing them. */
    public static String safeName(String name) {
        if (name == null) {
            return "";
        }
        String cleaned = name.codePoints().filter(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))
                .limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.isEmpty() ? "?" : cleaned;
    }
}
