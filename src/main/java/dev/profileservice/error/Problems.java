package dev.profileservice.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import dev.profileservice.logging.ValueFreeMessages;
import io.quarkus.logging.Log;

/** Builds problem responses and logs each one under its {@code errorId}. */
public final class Problems {

    private Problems() {
    }

    /**
     * A client error: the detail is safe to show. The cause is logged at debug by its class and JSON path only:
     * its message may quote the rejected value (Jackson does), and a bare number matches no masking rule.
     */
    public static RestResponse<Problem> client(int status, String detail, Throwable cause) {
        String errorId = ErrorIds.of(cause);
        Log.debugf("errorId=%s status=%d detail=%s cause=%s", errorId, status, detail, ValueFreeMessages.describe(cause));
        return response(status, detail, errorId).build();
    }

    /** A server error: nothing internal reaches the client; the cause is logged with the errorId. */
    public static RestResponse<Problem> server(int status, Throwable cause) {
        String errorId = ErrorIds.of(cause);
        if (status >= 500 && status != 503) {
            Log.errorf(cause, "errorId=%s status=%d unhandled failure", errorId, status);
        } else {
            Log.warnf("errorId=%s status=%d backend unavailable: %s", errorId, status, describe(cause));
        }
        return response(status, null, errorId).build();
    }

    /** 503 with a Retry-After hint: the backend is down, throttled or the circuit is open. */
    public static RestResponse<Problem> unavailable(Throwable cause, int retryAfterSeconds) {
        String errorId = ErrorIds.of(cause);
        Log.warnf("errorId=%s status=503 backend unavailable: %s", errorId, describe(cause));
        return response(503, null, errorId).header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    /** 429 with Retry-After: the caller went over one of its rate limits. */
    public static RestResponse<Problem> tooManyRequests(long retryAfterSeconds) {
        String errorId = newErrorId();
        Log.debugf("errorId=%s status=429 rate limited", errorId);
        return response(429, "rate limit exceeded; retry after " + retryAfterSeconds + " s", errorId)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    public static RestResponse<Problem> unauthorized(Throwable cause) {
        String errorId = newErrorId();
        Log.debugf("errorId=%s status=401 %s", errorId, describe(cause));
        return response(401, null, errorId).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Problem body(int status, String detail, String errorId) {
        return new Problem("about:blank", title(status), status, detail, errorId);
    }

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Client Error");
    }

    public static String newErrorId() {
        return ErrorIds.of(null);
    }

    private static RestResponse.ResponseBuilder<Problem> response(int status, String detail, String errorId) {
        return RestResponse.ResponseBuilder.<Problem> create(status)
                .entity(body(status, status < 500 ? detail : null, errorId))
                .type(Problem.MEDIA_TYPE);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
