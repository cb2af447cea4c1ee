package dev.profileservice.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Sign-in and sign-out of the browser app. Quarkus OIDC runs the code flow on /login (an
 * HTTP permission makes it challenge there); this resource only sends the signed-in user home.
 * Sign-out ends the local session, then the IdP's (RP-initiated logout) with {@code client_id}
 * instead of {@code id_token_hint}, so that no token ever travels through the browser.
 */
@Path("/")
public class SessionResource {

    static final String SIGNED_OUT_PAGE = "signed-out.html";

    private final CurrentIdentityAssociation identities;
    private final OidcSession session;
    private final Instance<OidcConfigurationMetadata> metadata;
    private final String clientId;
    private final boolean forceHttps;

    SessionResource(CurrentIdentityAssociation identities, OidcSession session, Instance<OidcConfigurationMetadata> metadata,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.authentication.force-redirect-https-scheme") Optional<Boolean> forceHttps) {
        this.identities = identities;
        this.session = session;
        this.metadata = metadata;
        this.clientId = clientId;
        this.forceHttps = forceHttps.orElse(false);
    }

    @GET
    @Path("login")
    @Authenticated
    public RestResponse<Void> signedIn(@Context UriInfo uri) {
        return RestResponse.seeOther(own(uri, ""));
    }

    @POST
    @Path("logout")
    @PermitAll
    @Blocking // the IdP metadata is looked up through the resolved identity, which the IO thread may not touch
    public Uni<RestResponse<Void>> signOut(@Context UriInfo uri) {
        URI signedOut = own(uri, SIGNED_OUT_PAGE);
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(identity -> isSignedIn(identity)
                        ? session.logout().map(ignored -> RestResponse.<Void> seeOther(endSession(signedOut)))
                        : Uni.createFrom().item(RestResponse.<Void> seeOther(signedOut)));
    }

    private static boolean isSignedIn(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous();
    }

    /** The IdP's end-session endpoint, or straight to the signed-out page when the IdP has none. */
    private URI endSession(URI signedOut) {
        String endpoint = metadata.get().getEndSessionUri();
        if (endpoint == null || endpoint.isBlank()) {
            return signedOut;
        }
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "client_id=" + encode(clientId)
                + "&post_logout_redirect_uri=" + encode(signedOut.toString()));
    }

    /** An absolute URI of this service as the browser sees it (forwarded headers honoured). */
    private URI own(UriInfo uri, String path) {
        var builder = uri.getBaseUriBuilder().replacePath("/" + path).replaceQuery(null);
        return (forceHttps ? builder.scheme("https") : builder).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
