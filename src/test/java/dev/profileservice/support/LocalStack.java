package dev.profileservice.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The local backends every {@code @QuarkusTest} runs against: dynalite and the test OIDC
 * provider. Annotating one class is enough; Quarkus applies test resources to the whole run.
 */
@QuarkusTestResource(value = DynaliteResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcServerResource.class, restrictToAnnotatedClass = false)
public final class LocalStack {

    private LocalStack() {
    }
}
