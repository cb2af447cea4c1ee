package dev.profileservice.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;

import dev.profileservice.config.ProfileConfig;

class AeadKeysetTest {

    @Test
    void keysetMadeByTheToolLoadsAndSeals() throws Exception {
        Aead aead = AeadKeyset.load(crypto(Optional.of(KeysetTool.generate("aead")), false));
        byte[] plain = "cursor".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "binding".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(plain, aead.decrypt(aead.encrypt(plain, aad), aad));
    }

    @Test
    void missingKeysetWithoutEphemeralFailsStartupNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AeadKeyset.load(crypto(Optional.empty(), false)));
        assertTrue(e.getMessage().contains("PROFILE_CRYPTO_KEYSET"), e.getMessage());
    }

    @Test
    void brokenKeysetFailsWithoutEchoingItsValue() throws Exception {
        String prfKeyset = KeysetTool.generate("prf");
        for (String broken : new String[] { "not-base64!!", "bm90IGpzb24=", prfKeyset }) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> AeadKeyset.load(crypto(Optional.of(broken), false)));
            assertFalse(e.getMessage().contains(broken), e.getMessage());
            assertTrue(e.getMessage().contains("profile.crypto.keyset"), e.getMessage());
        }
    }

    @Test
    void ephemeralKeysetOnlyWhenAllowed() throws Exception {
        Aead aead = AeadKeyset.load(crypto(Optional.empty(), true));
        assertFalse(aead == null);
    }

    private static ProfileConfig.Crypto crypto(Optional<String> keyset, boolean ephemeral) {
        return TestCrypto.keyset(keyset, ephemeral);
    }
}
