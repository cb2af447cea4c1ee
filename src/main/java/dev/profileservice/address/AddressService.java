package dev.profileservice.address;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.api.CursorSealer;
import dev.profileservice.api.Page;
import dev.profileservice.error.ProblemException;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AddressService {

    /** The cursor's binding: a cursor of this list is useless anywhere else. */
    static final String LIST_ENDPOINT = "GET /api/profile/addresses";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AddressRepository repository;
    private final CursorSealer cursors;

    AddressService(AddressRepository repository, CursorSealer cursors) {
        this.repository = repository;
        this.cursors = cursors;
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

    /** Every address of the owner, for the data-subject export. */
    public Uni<List<Address>> all(String ownerId) {
        return repository.all(ownerId);
    }

    public Uni<Address> find(String ownerId, String id) {
        return isId(id) ? repository.find(ownerId, id) : Uni.createFrom().nullItem();
    }

    public Uni<Address> add(String ownerId, AddressInput input) {
        return repository.add(ownerId, input).map(id -> new Address(id, input.label(), input.line1(), input.line2(),
                input.city(), input.postalCode(), input.country()));
    }

    /** False when the owner has no such address: someone else's id looks exactly like a missing one. */
    public Uni<Boolean> delete(String ownerId, String id) {
        return isId(id) ? repository.delete(ownerId, id) : Uni.createFrom().item(false);
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
