package dev.profileservice.address;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import dev.profileservice.api.CursorSealer;
import dev.profileservice.api.Page;
import dev.profileservice.config.LimitsConfig;
import dev.profileservice.error.ProblemException;
import io.smallrye.mutiny.Uni;

@Singleton
public class AddressService {

    /** The cursor's binding: a cursor of this list is useless anywhere else. */
    static final String LIST_ENDPOINT = "GET /api/profile/addresses";
    /** The most addresses one export answer holds. */
    public static final int EXPORT_CEILING = 1_000;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AddressRepository repository;
    private final AddressCounter counter;
    private final CursorSealer cursors;
    private final LimitsConfig limits;

    AddressService(AddressRepository repository, AddressCounter counter, CursorSealer cursors, LimitsConfig limits) {
        this.repository = repository;
        this.counter = counter;
        this.cursors = cursors;
        this.limits = limits;
    }

    public Uni<Page<Address>> list(String ownerId, int limit, String cursor) {
        String after = null;
        if (cursor != null) {
            after = cursors.open(ownerId, LIST_ENDPOINT, cursor)
                    .orElseThrow(() -> ProblemException.badRequest("cursor: is not valid for this list; start again without it"));
        }
        return repository.list(ownerId, limit, after).map(slice -> new Page<>(slice.items(),
                slice.next() == null ? null : cursors.seal(ownerId, LIST_ENDPOINT, slice.next())));
    }

    /**
     * Every address of the owner, for the data-subject export. Not bounded by the cap of new addresses: a partition can
     * hold more (items written by other systems, or slots drifted apart from items), and an export that stopped at the
     * cap would leave those out without a word. {@link #EXPORT_CEILING} only bounds what one answer holds; the export
     * says when it was reached.
     */
    public Uni<List<Address>> all(String ownerId) {
        return repository.all(ownerId, EXPORT_CEILING + 1);
    }

    public Uni<Address> find(String ownerId, String id) {
        return isId(id) ? repository.find(ownerId, id) : Uni.createFrom().nullItem();
    }

    /**
     * Adds an address once the counter gate grants a slot (409 past the cap, or without a profile).
     * A write that raced an erasure finds the profile gone afterwards and takes itself back out, so
     * erasure never leaves an address behind: either its sweep saw the address, or the address's own
     * check, which starts after the profile was deleted, sees that it is gone.
     */
    public Uni<Address> add(String ownerId, AddressInput input) {
        String id = UUID.randomUUID().toString();
        return counter.take(ownerId, id, limits.maxAddresses()).flatMap(slot -> switch (slot) {
            case FULL -> Uni.createFrom().<String> failure(ProblemException.conflict("an owner keeps at most "
                    + limits.maxAddresses() + " addresses; delete one before adding another"));
            case NO_PROFILE -> Uni.createFrom().<String> failure(noProfile());
            case TAKEN -> write(ownerId, id, input);
        })
                // A timed-out gate update may have landed: give the slot back (removing an absent id changes nothing).
                .onFailure(e -> !(e instanceof ProblemException))
                .call(() -> counter.release(ownerId, id).onFailure().recoverWithNull())
                .map(created -> new Address(id, input.label(), input.line1(), input.line2(), input.city(), input.postalCode(),
                input.country()));
    }

    /** False when the owner has no such address: someone else's id looks exactly like a missing one. */
    public Uni<Boolean> delete(String ownerId, String id) {
        return isId(id) ? repository.delete(ownerId, id).call(deleted -> deleted ? counter.release(ownerId, id) : Uni.createFrom().voidItem())
                : Uni.createFrom().item(false);
    }

    private Uni<String> write(String ownerId, String id, AddressInput input) {
        return repository.add(ownerId, id, input)
                .chain(() -> counter.profileExists(ownerId))
                // A failed write or check may still have landed: leave nothing behind that no one answered for.
                .onFailure().call(() -> repository.delete(ownerId, id).onFailure().recoverWithItem(false)
                        .chain(() -> counter.release(ownerId, id)).onFailure().recoverWithNull())
                .flatMap(exists -> exists ? Uni.createFrom().item(id)
                        : repository.delete(ownerId, id).flatMap(gone -> Uni.createFrom().<String> failure(noProfile())));
    }

    private static ProblemException noProfile() {
        return ProblemException.conflict("an address needs a profile: create it with PUT /api/profile first");
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
