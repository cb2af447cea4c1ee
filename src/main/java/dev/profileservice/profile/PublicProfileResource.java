package dev.profileservice.profile;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Anyone's public card: the Public view only, read with the Public projection only. */
@Path("/api/profiles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PublicProfileResource {

    private final ProfileService profiles;

    PublicProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("/{userId}")
    @JsonView(Views.Public.class)
    public Uni<Profile> get(@PathParam("userId") @Size(min = 1, max = 255) String userId) {
        return profiles.find(userId, Views.Public.class).onItem().ifNull().failWith(NotFoundException::new);
    }
}
