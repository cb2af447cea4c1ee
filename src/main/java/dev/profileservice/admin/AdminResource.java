package dev.profileservice.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Page;
import dev.profileservice.api.Views;
import dev.profileservice.profile.Profile;
import dev.profileservice.security.Caller;
import io.smallrye.mutiny.Uni;

/** Admin reads: the Admin view of one named user, each read audited. */
@Path("/api/admin/profiles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AdminService admin;
    private final Caller caller;

    AdminResource(AdminService admin, Caller caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @GET
    @Path("/{userId}")
    @JsonView(Views.Admin.class)
    public Uni<Profile> get(@PathParam("userId") @Size(min = 1, max = 255) String userId) {
        return admin.profile(caller.id(), userId).onItem().ifNull().failWith(NotFoundException::new);
    }

    @GET
    @JsonView(Views.Admin.class)
    public Uni<Page<Profile>> byEmail(@QueryParam("email") @NotBlank @Email @Size(max = 254) String email) {
        return admin.byEmail(caller.id(), email).map(found -> new Page<>(List.copyOf(found), null));
    }
}
