package dev.profileservice.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;

/** The body of an admin search: PII travels in a body, never in a path or a query string. */
public record EmailSearch(@JsonView(Views.Public.class) @NotBlank @Email @Size(max = 254) String email) {
}
