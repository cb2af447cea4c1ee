package dev.profileservice.logging;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Operator additions to the built-in masking rules. A mapping of its own, not loose {@code @ConfigProperty}
 * names: the {@code profile} mapping rejects {@code profile.*} keys that no mapping claims (SRCFG00050).
 */
@ConfigMapping(prefix = "profile.logging.mask")
public interface MaskingConfig {

    /** Key names whose values are masked, on top of password, token, secret, cookie and the like. */
    Optional<List<String>> extraKeys();

    /** Regexes whose matches are masked as {@code [REDACTED:custom]}. */
    Optional<List<String>> extraPatterns();
}
