package dev.profileservice.logging;

/**
 * Stands in for an exception that cannot be re-created as its own class (no public {@code (String)} constructor,
 * or a native image where that constructor is not registered for reflection). Its message starts with the
 * original class name, so JSON logs (which print the type and the message) and text stack traces still say what
 * was thrown, while the text after it is masked.
 */
public final class MaskedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MaskedThrowable(String originalClassName, String maskedMessage) {
        super(maskedMessage == null ? originalClassName : originalClassName + ": " + maskedMessage);
    }

    /** Reads like the original in a stack trace: {@code com.example.FooException: masked text}. */
    @Override
    public String toString() {
        return getMessage();
    }

    /** The frames are copied from the original, so capturing this constructor's frames would be wasted work. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
