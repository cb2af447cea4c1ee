package dev.profileservice.crypto;

import com.google.crypto.tink.Aead;

/** The production FieldCipher over a given keyset, for tests that plant ciphertexts of another key. */
public final class TestCiphers {

    private TestCiphers() {
    }

    public static FieldCipher fieldCipher(Aead aead, String table) {
        return new FieldCipher(aead, table);
    }
}
