package dev.profileservice.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.api.Emails;
import dev.profileservice.dynamo.Attributes;

/**
 * The blind index behind {@code email-index}: the same tag for the write that stores an
 * email and for the admin lookup that searches it, from one normalisation.
 */
@ApplicationScoped
public class EmailIndex {

    private final IndexKeyset keyset;

    EmailIndex(IndexKeyset keyset) {
        this.keyset = keyset;
    }

    /** The {@code email_hmac} of an email: a keyed HMAC of its normalised form. */
    public String tag(String email) {
        return keyset.tag(Attributes.EMAIL, Emails.normalized(email));
    }
}
