package dev.profileservice.profile;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.StoredAs;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A profile as the API serves it. Every component names its attribute and its view; the
 * projection of each read is derived from these annotations, so a field added here is read
 * only for the views that show it. {@code password_hash} and the full {@code ssn} have no
 * component and can never be read.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        @JsonView(Views.Public.class) @StoredAs(Attributes.USER_ID) String userId,
        @JsonView(Views.Public.class) @StoredAs("display_name") String displayName,
        @JsonView(Views.Public.class) @StoredAs("avatar_url") String avatarUrl,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.EMAIL) String email,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.PHONE) String phone,
        @JsonView(Views.Owner.class) @StoredAs("locale") String locale,
        @JsonView(Views.Owner.class) @StoredAs("preferences") Map<String, String> preferences,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.SSN_LAST4) String ssnLast4,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.CREATED_AT) String createdAt,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.UPDATED_AT) String updatedAt,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.VERSION) Long version,
        @JsonView(Views.Admin.class) @StoredAs("internal_notes") String internalNotes,
        @JsonView(Views.Admin.class) @StoredAs("account_flags") Set<String> accountFlags) {

    /** The ETag of this representation: its version, strong. Items without a version are version 0. */
    public String etag() {
        return "\"" + (version == null ? 0 : version) + "\"";
    }
}
