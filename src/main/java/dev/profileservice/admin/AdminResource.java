package dev.profileservice.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import dev.profileservice.limits.RateLimit;
import dev.profileservice.limits.RateLimited;
import dev.profileservice.profile.Profile;
import dev.profileservice.security.Caller;
import io.smallrye.mutiny.Uni;

/** Admin reads: the Admin view of one named user, or of the users with an email; each read audited. */
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

    /** Lookup by email, in the body: no endpoint takes an email or other PII in its path or query. */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonView(Views.Admin.class)
    @RateLimited(RateLimit.ADMIN_SEARCH)
    public Uni<SearchResult<Profile>> search(@Valid @NotNull EmailSearch body) {
        return admin.search(caller.id(), body.email());
    }
}
