package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.crypto.KeysetTool;

/** Tink keysets, cleartext or encrypted, as JSON or as the base64 the settings hold, never survive masking. */
class KeysetMaskingTest {

    private static final MaskingRules RULES = MaskingRules.defaults();

    private static String json(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String encryptedKeysetJson() throws Exception {
        KeysetHandle kekHandle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        Aead kek = kekHandle.getPrimitive(AeadConfig2026.get(), Aead.class);
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, new byte[0], AeadConfig2026.get());
    }

    /** The secret parts of a keyset: every key's material, or the encrypted keyset, and the base64 of the whole. */
    private static List<String> secretParts(String json) {
        List<String> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:value|encryptedKeyset)\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            parts.add(m.group(1));
        }
        assertFalse(parts.isEmpty(), "no key material found in " + json);
        return parts;
    }

    private static void assertMasked(String secretJson, String line) {
        String masked = RULES.apply(line);
        for (String part : secretParts(secretJson)) {
            assertFalse(masked.contains(part), "key material survives in: " + masked);
        }
        String base64 = Base64.getEncoder().encodeToString(secretJson.getBytes(StandardCharsets.UTF_8));
        assertFalse(masked.contains(base64.substring(0, 40)), "the base64 keyset survives in: " + masked);
        assertTrue(masked.contains("[REDACTED:keyset]"), masked);
    }

    @ParameterizedTest
    @ValueSource(strings = { "aead", "prf" })
    void cleartextJsonKeysetIsMaskedWhole(String kind) throws Exception {
        String keyset = json(KeysetTool.generate(kind));
        assertMasked(keyset, "loaded keyset " + keyset + " from the Secret");
        assertMasked(keyset, keyset); // alone on the line
        // pretty-printed, and quoted inside another JSON document as a string
        String pretty = keyset.replace("{", "{\n  ").replace(",", ",\n  ");
        assertMasked(keyset, "config: " + pretty);
        assertMasked(keyset, "{\"config\":\"" + keyset.replace("\"", "\\\"") + "\"}");
    }

    @Test
    void encryptedJsonKeysetIsMaskedWhole() throws Exception {
        String keyset = encryptedKeysetJson();
        assertMasked(keyset, "keyset text " + keyset);
    }

    @ParameterizedTest
    @ValueSource(strings = { "aead", "prf" })
    void base64KeysetIsMaskedWhereverItStands(String kind) throws Exception {
        String base64 = KeysetTool.generate(kind);
        String keyset = json(base64);
        for (String line : List.of(base64, "Illegal base64 character in " + base64 + " at 3",
                "value (" + base64 + ")", "\"" + base64 + "\"")) {
            assertMasked(keyset, line);
        }
        String encrypted = encryptedKeysetJson();
        assertMasked(encrypted, "got " + Base64.getEncoder().encodeToString(encrypted.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PROFILE_CRYPTO_KEYSET=%s", "profile.crypto.index-keyset=%s", "{\"keyset\": \"%s\"}",
            "keysets: %s", "profile.crypto.keyset = %s" })
    void keysetIsASensitiveKeyName(String template) {
        String masked = RULES.apply(template.formatted("opaque-value-1234"));
        assertFalse(masked.contains("opaque-value-1234"), masked);
        assertTrue(masked.contains("[REDACTED:keyset]"), masked);
    }

    @Test
    void ordinaryBase64AndJsonAreLeftAlone() {
        String other = Base64.getEncoder().encodeToString("{\"displayName\":\"Ada\",\"theme\":\"dark\",\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("payload " + other, RULES.apply("payload " + other));
        assertEquals("{\"key\":\"theme\",\"value\":\"dark\"}", RULES.apply("{\"key\":\"theme\",\"value\":\"dark\"}"));
        assertEquals("keyData is a field name", RULES.apply("keyData is a field name"));
    }
}
