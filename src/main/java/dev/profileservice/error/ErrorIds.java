package dev.profileservice.error;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * The errorId of a failure. A failure, its wrappers and its causes all get the same id, so that an audit event
 * written where the failure happened and the problem response mapped from it later name the same errorId.
 */
public final class ErrorIds {

    private static final int MAX_CAUSES = 8;

    // Throwable keeps identity equality; weak keys let failures be collected as usual
    private static final Map<Throwable, String> IDS = Collections.synchronizedMap(new WeakHashMap<>());

    private ErrorIds() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            String id = IDS.get(cause);
            if (id != null) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            IDS.put(cause, id); // a mapper may see the failure unwrapped
        }
        return id;
    }
}
