package dev.profileservice.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Who is calling: the verified access token's {@code sub}. Never the principal name (with
 * Keycloak that is {@code preferred_username}) and never anything from the request itself.
 */
@RequestScoped
public class Caller {

    private static final int MAX_SUBJECT = 255;

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(Character::isISOControl)) {
            throw new AuthenticationFailedException("token has no usable sub");
        }
        return subject;
    }
}
