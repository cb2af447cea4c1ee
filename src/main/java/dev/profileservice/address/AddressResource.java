package dev.profileservice.address;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Page;
import dev.profileservice.api.Views;
import dev.profileservice.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's addresses. Every id is looked up inside the caller's own partition. */
@Path("/api/profile/addresses")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    private final AddressService addresses;
    private final Caller caller;

    AddressResource(AddressService addresses, Caller caller) {
        this.addresses = addresses;
        this.caller = caller;
    }

    @GET
    @JsonView(Views.Owner.class)
    public Uni<Page<Address>> list(
            // A String, so that "abc" is a 400 like "0" is, not JAX-RS' 404 for an unconvertible parameter.
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9][0-9]?|100", message = "must be a whole number from 1 to 100") String limit,
            @QueryParam("cursor") @Size(max = 1024) String cursor) {
        return addresses.list(caller.id(), Integer.parseInt(limit), cursor);
    }

    @GET
    @Path("/{id}")
    @JsonView(Views.Owner.class)
    public Uni<Address> get(@PathParam("id") String id) {
        return addresses.find(caller.id(), id).onItem().ifNull().failWith(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonView(Views.Owner.class)
    public Uni<RestResponse<Address>> add(@Valid @NotNull AddressInput input) {
        return addresses.add(caller.id(), input)
                // A relative Location (RFC 9110): created(URI) would resolve it against the Host header, reflecting
                // it, and a Host that java.net.URI refuses ("[zz]") then failed the answer after the write.
                .map(address -> RestResponse.ResponseBuilder.<Address> create(RestResponse.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/profile/addresses/" + address.id()).entity(address).build());
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return addresses.delete(caller.id(), id)
                .map(deleted -> {
                    if (!deleted) {
                        throw new NotFoundException();
                    }
                    return RestResponse.<Void> noContent();
                });
    }
}
