package dev.profileservice.api;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.crypto.AeadKeyset;

/**
 * Turns the position where a page ended (the sort key of its last item) into an opaque cursor
 * and back. The cursor is sealed with the service's AEAD; its associated data binds it to the
 * data set's logical name ({@code profile.crypto.context}, not the table, which a restore
 * renames), the owner and the endpoint, so a cursor that was tampered with, replayed by another
 * user, used on another endpoint or data set, or expired does not open. The raw key never
 * leaves the service.
 */
@ApplicationScoped
public class CursorSealer {

    private static final int MAX_LENGTH = 1024;

    private final AeadKeyset keyset;
    private final ProfileConfig config;
    private final Clock clock;

    @Inject
    CursorSealer(AeadKeyset keyset, ProfileConfig config) {
        this(keyset, config, Clock.systemUTC());
    }

    CursorSealer(AeadKeyset keyset, ProfileConfig config, Clock clock) {
        this.keyset = keyset;
        this.config = config;
        this.clock = clock;
    }

    /** Seals the sort key after which the next page starts; the partition is the owner's, implied by the binding. */
    public String seal(String ownerId, String endpoint, String sortKey) {
        byte[] sk = sortKey.getBytes(StandardCharsets.UTF_8);
        long expires = clock.instant().plus(config.cursor().ttl()).getEpochSecond();
        ByteBuffer plain = ByteBuffer.allocate(Long.BYTES + sk.length).putLong(expires).put(sk);
        try {
            byte[] sealed = keyset.aead().encrypt(plain.array(), binding(config.crypto().context(), ownerId, endpoint));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal cursor", e);
        }
    }

    /** The sort key after which the owner's next page starts, or empty when the cursor is not valid for this caller. */
    public Optional<String> open(String ownerId, String endpoint, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] plain = keyset.aead().decrypt(Base64.getUrlDecoder().decode(cursor),
                    binding(config.crypto().context(), ownerId, endpoint));
            ByteBuffer buffer = ByteBuffer.wrap(plain);
            long expires = buffer.getLong();
            if (clock.instant().getEpochSecond() > expires) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.decode(buffer).toString());
        } catch (GeneralSecurityException | IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static byte[] binding(String context, String ownerId, String endpoint) {
        return ("profile-service/cursor/v2\u0000" + context + "\u0000" + endpoint + "\u0000" + ownerId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
