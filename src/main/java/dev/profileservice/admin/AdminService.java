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

    /** Lookup through the keys-only email index, then one Admin-projected GetItem per owner found. */
    public Uni<List<Profile>> byEmail(String actor, String email) {
        return profiles.ownersByEmail(email)
                .flatMap(owners -> owners.isEmpty()
                        ? Uni.createFrom().item(List.<Profile> of())
                        : Uni.join().all(owners.stream()
                                .map(owner -> profiles.find(owner, Views.Admin.class, false)).toList())
                                .andFailFast()
                                .map(found -> found.stream().filter(p -> p != null).toList()))
                .invoke(found -> audit.adminRead(actor, "admin.profile.lookup_by_email",
                        found.isEmpty() ? "-" : String.join(",", found.stream().map(Profile::userId).toList()),
                        found.isEmpty() ? "not_found" : "found"))
                .onFailure().invoke(e -> audit.adminRead(actor, "admin.profile.lookup_by_email", "-", "error"));
    }
}
