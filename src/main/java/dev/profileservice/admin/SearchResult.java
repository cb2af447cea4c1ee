package dev.profileservice.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The profiles an admin search found, at most the limit; {@code truncated} when more matched. */
@RegisterForReflection
public record SearchResult<T>(
        @JsonView({ Views.Public.class, Views.Owner.class, Views.Admin.class }) List<T> items,
        @JsonView({ Views.Public.class, Views.Owner.class, Views.Admin.class }) boolean truncated) {
}
