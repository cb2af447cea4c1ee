package dev.profileservice.logging;

import java.lang.reflect.Constructor;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-creates an exception as its own class through its public {@code (String)} constructor, so a masked copy
 * keeps its type for handlers and log queries. In a native image only classes registered for reflection have the
 * constructor; every other class yields {@code null} and the caller falls back to {@link MaskedThrowable}.
 */
final class SameClassCopy {

    // looked up once per class: reflection is slow, and a miss must stay cheap
    private static final ClassValue<Optional<Constructor<? extends Throwable>>> MESSAGE_CONSTRUCTOR =
            new ClassValue<>() {
                @Override
                @SuppressWarnings("unchecked")
                protected Optional<Constructor<? extends Throwable>> computeValue(Class<?> type) {
                    try {
                        return Optional.of((Constructor<? extends Throwable>) type.getConstructor(String.class));
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        return Optional.empty(); // LinkageError covers native MissingReflectionRegistrationError
                    }
                }
            };

    private SameClassCopy() {
    }

    /** A new instance of {@code original}'s class saying exactly {@code masked}, or {@code null}. */
    static Throwable of(Throwable original, String masked) {
        Optional<Constructor<? extends Throwable>> constructor = MESSAGE_CONSTRUCTOR.get(original.getClass());
        if (constructor.isEmpty()) {
            return null;
        }
        try {
            Throwable copy = constructor.get().newInstance(masked);
            // a class that decorates its message or sets a cause itself could bring back what was masked
            boolean faithful = Objects.equals(copy.getMessage(), masked)
                    && Objects.equals(copy.getLocalizedMessage(), masked) && copy.getCause() == null;
            return faithful ? copy : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
