package dev.profileservice.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.profileservice.address.AddressService;
import dev.profileservice.api.Views;
import dev.profileservice.error.ProblemException;
import dev.profileservice.limits.RateLimit;
import dev.profileservice.limits.RateLimited;
import dev.profileservice.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's own profile. The owner is always the token's subject. */
@Path("/api/profile")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ProfileService profiles;
    private final AddressService addresses;
    private final Caller caller;

    ProfileResource(ProfileService profiles, AddressService addresses, Caller caller) {
        this.profiles = profiles;
        this.addresses = addresses;
        this.caller = caller;
    }

    @GET
    @JsonView(Views.Owner.class)
    public Uni<RestResponse<Profile>> get() {
        return profiles.find(caller.id(), Views.Owner.class)
                .onItem().ifNull().failWith(NotFoundException::new)
                .map(profile -> RestResponse.ResponseBuilder.ok(profile).header(HttpHeaders.ETAG, profile.etag()).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonView(Views.Owner.class)
    public Uni<RestResponse<Profile>> replace(@HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
            @Valid @NotNull @ConvertGroup(from = Default.class, to = ProfileInput.Replace.class) ProfileInput body) {
        return profiles.replace(caller.id(), body, IfMatch.version(ifMatch)).map(ProfileResource::written);
    }

    @PATCH
    @Consumes(MERGE_PATCH)
    @JsonView(Views.Owner.class)
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ProfileInput.class)))
    public Uni<RestResponse<Profile>> patch(@HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch, @NotNull JsonNode patch)
            throws JsonProcessingException {
        Long expected = IfMatch.version(ifMatch);
        if (expected == null) {
            throw ProblemException.preconditionRequired();
        }
        return profiles.patch(caller.id(), patch, expected).map(ProfileResource::written);
    }

    /** Erases the caller's whole partition: profile and addresses. */
    @DELETE
    public Uni<RestResponse<Void>> erase() {
        return profiles.erase(caller.id()).map(count -> RestResponse.noContent());
    }

    @GET
    @Path("/export")
    @JsonView(Views.Owner.class)
    @RateLimited(RateLimit.EXPORT)
    public Uni<ProfileExport> export() {
        String owner = caller.id();
        return Uni.combine().all()
                .unis(profiles.find(owner, Views.Owner.class), addresses.all(owner))
                .with(ProfileExport::of);
    }

    /**
     * 201 or 200 with the new ETag; a lost optimistic write is 428 (no If-Match, profile exists) or 412 (stale), and a
     * write overtaken by the profile's erasure is 409.
     */
    private static RestResponse<Profile> written(Written written) {
        Profile profile = written.profile();
        RestResponse.ResponseBuilder<Profile> builder = switch (written.outcome()) {
            // relative, as in AddressResource.add: never resolved against the Host header
            case CREATED -> RestResponse.ResponseBuilder.<Profile> create(RestResponse.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/api/profile").entity(profile);
            case UPDATED -> RestResponse.ResponseBuilder.ok(profile);
            case EXISTS -> throw ProblemException.preconditionRequired();
            case STALE -> throw ProblemException.preconditionFailed();
            case ERASED -> throw ProblemException.conflict("the profile was erased while this write was made");
        };
        return builder.header(HttpHeaders.ETAG, profile.etag()).build();
    }
}
