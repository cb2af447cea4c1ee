package dev.profileservice.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The prod configuration as operators run it during an incident: DEBUG for the service, OIDC, security, the REST
 * layer, the AWS SDK, Netty and Vert.x. The launcher's log file gets the console's JSON format and masking
 * filter, so the test reads exactly what the console would print.
 */
public class DebugProdConfigResource extends ProdConfigResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        for (String category : new String[] { "dev.profileservice", "io.quarkus.oidc", "io.quarkus.security",
                "org.jboss.resteasy.reactive", "software.amazon.awssdk", "io.netty", "io.vertx" }) {
            config.put("quarkus.log.category.\"" + category + "\".level", "DEBUG");
        }
        config.put("quarkus.log.file.json.enabled", "true");
        config.put("quarkus.log.file.filter", "pii-mask");
        config.put("quarkus.log.file.rotation.max-file-size", "200M"); // one file holds the whole run
        return config;
    }
}
