package dev.profileservice.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.profile.ProfileViews;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a list. {@code nextCursor} is sealed and opaque; it is absent on the last page.
 * The components carry the widest-reaching view so the wrapper shows in every view while
 * its items keep their own restrictions.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        @JsonView({ ProfileViews.Public.class, ProfileViews.Owner.class, ProfileViews.Admin.class }) List<T> items,
        @JsonView({ ProfileViews.Public.class, ProfileViews.Owner.class, ProfileViews.Admin.class }) String nextCursor) {
}
