package dev.profileservice.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.api.Views;
import dev.profileservice.profile.Profile;
import dev.profileservice.profile.ProfileRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AdminService {

    private final ProfileRepository profiles;
    private final AuditLog audit;

    AdminService(ProfileRepository profiles, AuditLog audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    public Uni<Profile> profile(String actor, String userId) {
        return profiles.find(userId, Views.Admin.class, false)
                .invoke(found -> audit.adminRead(actor, "admin.profile.read", userId, found == null ? "not_found" : "found"))
                .onFailure().invoke(e -> audit.adminRead(actor, "admin.profile.read", userId, "error"));
    }

    /**
     * Lookup through the keys-only email index, then one Admin-projected GetItem per owner found.
     * The audit event names the owners found, never the email searched for.
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
                .invoke(result -> audit.adminRead(actor, "admin.profile.search",
                        result.items().isEmpty() ? "-" : String.join(",", result.items().stream().map(Profile::userId).toList()),
                        result.items().isEmpty() ? "not_found" : result.truncated() ? "found_truncated" : "found"))
                .onFailure().invoke(e -> audit.adminRead(actor, "admin.profile.search", "-", "error"));
    }
}
