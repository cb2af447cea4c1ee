package dev.profileservice.dynamo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB attribute behind a record component. Together with the component's
 * {@code @JsonView} this is the single source from which projections, update expressions
 * and item decoding are derived.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD })
public @interface StoredAs {

    /** The attribute name in the table. */
    String value();

    /** A prefix the stored value carries and the API value does not (e.g. {@code ADDRESS#} in a sort key). */
    String keyPrefix() default "";
}
