package dev.profileservice.profile;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.profileservice.api.Views;
import io.smallrye.mutiny.Uni;

/**
 * Profile use cases. Writes are optimistic: the caller's If-Match version is the write's
 * condition, held by the repository, so of two writers holding the same version exactly one wins.
 */
@Singleton
public class ProfileService {

    private final ProfileRepository repository;
    private final ProfileMergePatch mergePatch;
    private final PartitionEraser eraser;

    ProfileService(ProfileRepository repository, ProfileMergePatch mergePatch, PartitionEraser eraser) {
        this.repository = repository;
        this.mergePatch = mergePatch;
        this.eraser = eraser;
    }

    public Uni<Profile> find(String userId, Class<?> view) {
        return repository.find(userId, view, false);
    }

    /** PUT: creates without If-Match, replaces with it. Omitting {@code ssn} keeps the stored one. */
    public Uni<Written> replace(String ownerId, ProfileInput body, Long expectedVersion) {
        return write(ownerId, ProfileChange.replacing(body), expectedVersion);
    }

    /** PATCH with a JSON merge patch (RFC 7386); a patch the profile cannot take is thrown, as a 400. */
    public Uni<Written> patch(String ownerId, JsonNode patch, long expectedVersion) throws JsonProcessingException {
        return write(ownerId, mergePatch.read(patch), expectedVersion);
    }

    /** Erases the owner's whole partition, profile and addresses; the number of items it held. */
    public Uni<Integer> erase(String ownerId) {
        return eraser.erase(ownerId);
    }

    private Uni<Written> write(String ownerId, ProfileChange change, Long expectedVersion) {
        boolean creating = expectedVersion == null;
        Uni<Boolean> written = creating
                ? repository.create(ownerId, change)
                : repository.update(ownerId, change, expectedVersion);
        // A DELETE /api/profile may land between the write and its read-back: then there is no profile to answer with.
        return written.flatMap(done -> done
                ? repository.find(ownerId, Views.Owner.class, true)
                        .map(profile -> profile == null ? new Written(Written.Outcome.ERASED, null)
                                : new Written(creating ? Written.Outcome.CREATED : Written.Outcome.UPDATED, profile))
                : Uni.createFrom().item(new Written(creating ? Written.Outcome.EXISTS : Written.Outcome.STALE, null)));
    }
}
