package dev.profileservice.error;

/**
 * A failure the client caused or must act on, with a status and a safe detail. Thrown by
 * services; turned into problem+json by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String detail;

    public ProblemException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    /** A field the request may not name; its name is echoed only after {@link ProblemMappers#safeName}. */
    public static ProblemException unknownField(String name) {
        return new ProblemException(400, "unknown or read-only field '" + ProblemMappers.safeName(name) + "'");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "If-Match does not match the current version; GET the profile and retry");
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "If-Match with the profile's current ETag is required to change it");
    }
}
