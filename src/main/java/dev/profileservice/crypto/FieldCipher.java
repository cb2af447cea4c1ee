package dev.profileservice.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.google.crypto.tink.Aead;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.ItemKey;

/**
 * Seals and opens one attribute value with the service's AEAD. The associated data binds the
 * ciphertext to the data set's logical name ({@code profile.crypto.context}, never the physical
 * table name, which a restore changes), its item key and attribute, so a ciphertext copied into
 * another user's item, another item or another attribute does not open.
 */
@Singleton
public class FieldCipher {

    /** Distinct from the cursor's domain, so a sealed cursor can never pass for a field and vice versa. */
    private static final String DOMAIN = "profile-service/field/v1";
    /** Tink's output prefix: version byte 0x01, then the 4-byte id of the key that sealed it. */
    private static final byte TINK_PREFIX = 0x01;
    private static final int PREFIX_LENGTH = 5;

    private final Aead aead;
    private final String context;
    private volatile String primaryKeyId;

    @Inject
    FieldCipher(AeadKeyset keyset, ProfileConfig config) {
        this(keyset.aead(), config.crypto().context());
    }

    FieldCipher(Aead aead, String context) {
        this.aead = aead;
        this.context = context;
    }

    public byte[] encrypt(String plaintext, ItemKey key, String attribute) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(key, attribute));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt attribute " + attribute, e);
        }
    }

    /** The plaintext, or {@link UnreadableAttributeException} when the ciphertext does not open for this place. */
    public String decrypt(byte[] ciphertext, ItemKey key, String attribute) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(key, attribute)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableAttributeException(attribute, key);
        }
    }

    /** The id of the key that sealed a ciphertext, unsigned decimal as Tink prints it; empty if it has no Tink prefix. */
    public static Optional<String> keyId(byte[] ciphertext) {
        if (ciphertext.length < PREFIX_LENGTH || ciphertext[0] != TINK_PREFIX) {
            return Optional.empty();
        }
        return Optional.of(Integer.toUnsignedString(ByteBuffer.wrap(ciphertext, 1, 4).getInt()));
    }

    /**
     * The id of the key new ciphertexts are sealed with. The Aead primitive does not expose its
     * keyset, so it is read off the prefix of a probe sealed once under this class's own domain.
     */
    public String primaryKeyId() {
        if (primaryKeyId == null) {
            try {
                byte[] probe = aead.encrypt(new byte[0], DOMAIN.getBytes(StandardCharsets.UTF_8));
                primaryKeyId = keyId(probe).orElse("");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot probe the primary key id", e);
            }
        }
        return primaryKeyId;
    }

    /** Whether a ciphertext was sealed by an older key than the primary; one without a Tink prefix is left alone. */
    public boolean sealedByOlderKey(byte[] ciphertext) {
        return keyId(ciphertext).map(id -> !id.equals(primaryKeyId())).orElse(false);
    }

    /** Each part is length-prefixed, so no user id or sort key can be crafted to shift the boundaries. */
    private byte[] associatedData(ItemKey key, String attribute) {
        List<byte[]> parts = new ArrayList<>();
        for (String part : new String[] { DOMAIN, context, key.userId(), key.sortKey(), attribute }) {
            parts.add(part.getBytes(StandardCharsets.UTF_8));
        }
        ByteBuffer buffer = ByteBuffer.allocate(parts.stream().mapToInt(p -> Integer.BYTES + p.length).sum());
        parts.forEach(p -> buffer.putInt(p.length).put(p));
        return buffer.array();
    }
}
