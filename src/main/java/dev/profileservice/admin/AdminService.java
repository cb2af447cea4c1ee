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
    static final String LOOKUP = "admin.profile.lookup_by_email";

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
    public Uni<List<Profile>> byEmail(String actor, String email) {
        return profiles.ownersByEmail(email)
                .flatMap(owners -> owners.isEmpty()
                        ? Uni.createFrom().item(List.<Profile> of())
                        : Uni.join().all(owners.stream()
                                .map(owner -> profiles.find(owner, Views.Admin.class, false)).toList())
                                .andFailFast()
                                .map(found -> found.stream().filter(p -> p != null).toList()))
                .invoke(found -> {
                    if (found.isEmpty()) {
                        audit.adminRead(actor, LOOKUP, null, AuditLog.NOT_FOUND);
                    }
                    found.forEach(profile -> audit.adminRead(actor, LOOKUP, profile.userId(), AuditLog.FOUND));
                })
                .onFailure().invoke(e -> audit.adminReadFailed(actor, LOOKUP, null, ErrorIds.of(e)));
    }
}
