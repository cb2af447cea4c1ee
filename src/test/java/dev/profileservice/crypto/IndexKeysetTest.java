package dev.profileservice.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class IndexKeysetTest {

    @Test
    void keysetMadeByTheToolGivesStableUrlSafeTagsThatDifferPerValueAndIndex() throws Exception {
        IndexKeyset index = new IndexKeyset(IndexKeyset.load(TestCrypto.indexKeyset(Optional.of(KeysetTool.generate("prf")), false)));
        String tag = index.tag("email", "alice@example.org");
        assertEquals(tag, index.tag("email", "alice@example.org"));
        assertTrue(tag.matches("[A-Za-z0-9_-]{43}"), tag);
        assertNotEquals(tag, index.tag("email", "bob@example.org"));
        assertNotEquals(tag, index.tag("phone", "alice@example.org"));
    }

    @Test
    void anotherKeyGivesUnrelatedTags() throws Exception {
        IndexKeyset one = new IndexKeyset(IndexKeyset.load(TestCrypto.indexKeyset(Optional.empty(), true)));
        IndexKeyset two = new IndexKeyset(IndexKeyset.load(TestCrypto.indexKeyset(Optional.empty(), true)));
        assertNotEquals(one.tag("email", "alice@example.org"), two.tag("email", "alice@example.org"));
    }

    @Test
    void missingIndexKeysetWithoutEphemeralFailsStartupNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IndexKeyset.load(TestCrypto.indexKeyset(Optional.empty(), false)));
        assertTrue(e.getMessage().contains("PROFILE_CRYPTO_INDEX_KEYSET"), e.getMessage());
    }

    @Test
    void aeadKeysetInTheIndexSlotFailsWithoutEchoingIt() throws Exception {
        String aead = KeysetTool.generate("aead");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IndexKeyset.load(TestCrypto.indexKeyset(Optional.of(aead), false)));
        assertTrue(e.getMessage().contains("profile.crypto.index-keyset"), e.getMessage());
        assertFalse(e.getMessage().contains(aead));
    }
}
