package dev.profileservice.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The write's outcomes without DynamoDB: a repository that writes, then finds the profile gone. */
class ProfileServiceTest {

    /** The erasure lands between the conditional write and its consistent read-back. */
    private static final ProfileRepository ERASED_MEANWHILE = new ProfileRepository(null, null, null, null) {
        @Override
        public Uni<Boolean> create(String userId, ProfileChange change) {
            return Uni.createFrom().item(true);
        }

        @Override
        public Uni<Boolean> update(String userId, ProfileChange change, long expectedVersion) {
            return Uni.createFrom().item(true);
        }

        @Override
        public Uni<Profile> find(String userId, Class<?> view, boolean consistent) {
            return Uni.createFrom().nullItem();
        }
    };

    private final ProfileService service = new ProfileService(ERASED_MEANWHILE, null, null);

    @Test
    void aReplaceOvertakenByAnErasureSaysSoInsteadOfFailing() {
        ProfileInput body = new ProfileInput("Alice", null, null, null, null, null, null);
        for (Long ifMatch : new Long[] { null, 3L }) {
            Written written = service.replace("alice", body, ifMatch).await().indefinitely();
            assertEquals(Written.Outcome.ERASED, written.outcome(), "If-Match " + ifMatch);
            assertNull(written.profile());
        }
    }
}
