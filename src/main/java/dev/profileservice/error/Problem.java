package dev.profileservice.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem. {@code detail} is set for client errors only, and names a field and a
 * constraint, never a stored value. The {@code errorId} is logged beside the internal detail.
 * Components carry the Public view so a problem renders fully even from a view-restricted method.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonView(Views.Public.class) String type,
        @JsonView(Views.Public.class) String title,
        @JsonView(Views.Public.class) int status,
        @JsonView(Views.Public.class) String detail,
        @JsonView(Views.Public.class) String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
