package dev.profileservice.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a list. {@code nextCursor} is sealed and opaque; it is absent on the last page.
 * The components carry the widest-reaching view so the wrapper shows in every view while
 * its items keep their own restrictions.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        @JsonView({ Views.Public.class, Views.Owner.class, Views.Admin.class }) List<T> items,
        @JsonView({ Views.Public.class, Views.Owner.class, Views.Admin.class }) String nextCursor) {
}
