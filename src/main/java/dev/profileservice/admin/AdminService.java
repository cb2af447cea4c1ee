package dev.profileservice.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.api.Views;
import dev.profileservice.error.ErrorIds;
import dev.profileservice.profile.Profile;
import dev.profileservice.profile.ProfileRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AdminService {

    static final String READ = "admin.profile.read";
    static final String SEARCH = "admin.profile.search";

    private final ProfileRepository profiles;
    private final AuditLog audit;

    AdminService(ProfileRepository profiles, AuditLog audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    public Uni<Profile> profile(String actor, String userId) {
        return profiles.find(userId, Views.Admin.class, false)
                .invoke(found -> audit.adminRead(actor, READ, userId, found == null ? AuditLog.NOT_FOUND : AuditLog.FOUND))
                .onFailure().invoke(e -> audit.adminReadFailed(actor, READ, userId, ErrorIds.of(e)));
    }

    /**
     * Lookup through the keys-only email index, then one Admin-projected GetItem per owner found. One audit event
     * per person read; the searched email is never recorded.
     */
    public Uni<SearchResult<Profile>> search(String actor, String email) {
        return profiles.ownersByEmail(email)
                .flatMap(owners -> (owners.userIds().isEmpty()
                        ? Uni.createFrom().item(List.<Profile> of())
                        : Uni.join().all(owners.userIds().stream()
                                .map(owner -> profiles.find(owner, Views.Admin.class, false)).toList())
                                .andFailFast()
                                .map(found -> found.stream().filter(p -> p != null).toList()))
                        .map(found -> new SearchResult<>(found, owners.truncated())))
                .invoke(result -> {
                    if (result.items().isEmpty()) {
                        audit.adminRead(actor, SEARCH, null, AuditLog.NOT_FOUND);
                    }
                    result.items().forEach(profile -> audit.adminRead(actor, SEARCH, profile.userId(), AuditLog.FOUND));
                })
                .onFailure().invoke(e -> audit.adminReadFailed(actor, SEARCH, null, ErrorIds.of(e)));
    }
}
