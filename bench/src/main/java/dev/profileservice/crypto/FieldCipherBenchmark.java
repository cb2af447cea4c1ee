package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemKey;

/**
 * The cost encryption at rest adds to one item: sealing and opening every encrypted attribute
 * of a profile (email, phone, ssn) and of an address (line1, line2, postal_code), with the
 * service's FieldCipher built without CDI (in its package, for the package-private constructor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FieldCipherBenchmark {

    private static final ItemKey PROFILE = ItemKey.profile("3f1c9a52-alice-sub");
    private static final ItemKey ADDRESS = ItemKey.address("3f1c9a52-alice-sub", "7d9e2b1c-5a4f-4e8a-9c1d-2f3e4a5b6c7d");

    private FieldCipher cipher;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Aead aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get())
                .getPrimitive(AeadConfig2026.get(), Aead.class);
        cipher = new FieldCipher(aead, "UserProfiles");
    }

    @Benchmark
    public int profileSealedAndOpened() {
        return roundTrip(PROFILE, Attributes.EMAIL, "alice.example@example.org")
                + roundTrip(PROFILE, Attributes.PHONE, "+14155552671")
                + roundTrip(PROFILE, Attributes.SSN, "123-45-6789");
    }

    @Benchmark
    public int addressSealedAndOpened() {
        return roundTrip(ADDRESS, Attributes.LINE1, "742 Evergreen Terrace")
                + roundTrip(ADDRESS, Attributes.LINE2, "Apt 77")
                + roundTrip(ADDRESS, Attributes.POSTAL_CODE, "94105");
    }

    private int roundTrip(ItemKey key, String attribute, String value) {
        return cipher.decrypt(cipher.encrypt(value, key, attribute), key, attribute).length();
    }
}
