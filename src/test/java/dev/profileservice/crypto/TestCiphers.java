package dev.profileservice.crypto;

import java.util.Optional;

import com.google.crypto.tink.Aead;

import io.micrometer.core.instrument.MeterRegistry;

/** The production crypto pieces built without CDI: for plain tests, and for tests that plant ciphertexts of another key. */
public final class TestCiphers {

    private TestCiphers() {
    }

    public static FieldCipher fieldCipher(Aead aead, String table) {
        return new FieldCipher(aead, table);
    }

    /** A blind index over a fresh, throw-away index keyset. */
    public static EmailIndex emailIndex() {
        return new EmailIndex(new IndexKeyset(IndexKeyset.load(TestCrypto.indexKeyset(Optional.empty(), true))));
    }

    /** A fresh, throw-away AEAD keyset's primitive. */
    public static Aead aead() {
        return AeadKeyset.load(TestCrypto.keyset(Optional.empty(), true));
    }

    public static CryptoMetrics metrics(MeterRegistry registry) {
        return new CryptoMetrics(registry);
    }
}
