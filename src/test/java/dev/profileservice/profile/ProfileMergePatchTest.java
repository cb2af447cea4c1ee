package dev.profileservice.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.config.JacksonConfig;
import dev.profileservice.error.ProblemException;

/** Merge-patch mapping without Quarkus: the whitelist, the null rule, conversion and validation. */
class ProfileMergePatchTest {

    private static final ObjectMapper MAPPER = mapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final ProfileMergePatch mergePatch = new ProfileMergePatch(MAPPER, VALIDATOR);

    @Test
    void onlyTheNamedFieldsArePresentAndNullMeansRemove() throws Exception {
        ProfileChange change = mergePatch.read(json("{\"phone\": null, \"locale\": \"en-GB\"}"));
        assertEquals(Set.of("phone", "locale"), change.present());
        assertNull(change.input().phone());
        assertEquals("en-GB", change.input().locale());
        assertNull(change.input().displayName(), "not named, so left as stored");
    }

    @Test
    void preferencesAreReplacedAsAWhole() throws Exception {
        ProfileChange change = mergePatch.read(json("{\"preferences\": {\"theme\": \"light\"}}"));
        assertEquals(Map.of("theme", "light"), change.input().preferences());
    }

    @ParameterizedTest
    @ValueSource(strings = { "userId", "version", "internalNotes", "ssnLast4", "password_hash", "isAdmin" })
    void readOnlyAndUnknownFieldsAreRefusedByName(String field) {
        ProblemException e = assertThrows(ProblemException.class, () -> mergePatch.read(json("{\"" + field + "\": \"x\"}")));
        assertEquals(400, e.status());
        assertEquals("unknown or read-only field '" + field + "'", e.detail());
    }

    @Test
    void anUnknownFieldNameIsEchoedOnlyAfterCleaning() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> mergePatch.read(json("{\"<script>\\u0000\": \"x\"}")));
        assertEquals("unknown or read-only field 'script'", e.detail());
    }

    @Test
    void aRequiredFieldCannotBeRemoved() {
        ProblemException e = assertThrows(ProblemException.class, () -> mergePatch.read(json("{\"displayName\": null}")));
        assertEquals("displayName: may not be removed", e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"\"", "\"   \"" })
    void aRequiredFieldCannotBeBlanked(String blank) {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                () -> mergePatch.read(json("{\"displayName\": " + blank + "}")));
        assertEquals("displayName", e.getConstraintViolations().iterator().next().getPropertyPath().toString());
    }

    @Test
    void textOutsideTheBasicPlaneIsKeptButAnUnpairedSurrogateIsRefused() throws Exception {
        String emoji = new String(Character.toChars(0x1F600));
        ProfileChange change = mergePatch.read(json("{\"displayName\": \"Zo\u00eb " + emoji + "\"}"));
        assertEquals("Zo\u00eb " + emoji, change.input().displayName());
        String lone = "{\"displayName\": \"A" + "\\" + "ud800\"}";
        assertThrows(ConstraintViolationException.class, () -> mergePatch.read(json(lone)));
    }

    @Test
    void aPreferenceCannotBeNull() {
        // preferences are replaced as a whole, so a null inside them removes nothing: it is refused, never stored as "null"
        assertThrows(ConstraintViolationException.class, () -> mergePatch.read(json("{\"preferences\": {\"theme\": null}}")));
    }

    @Test
    void aDuplicateKeyIsRefusedInABodyAsInAPatch() {
        String twice = "{\"displayName\": \"A\", \"displayName\": \"B\"}";
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(twice, ProfileInput.class));
        assertThrows(JsonProcessingException.class, () -> json(twice));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "\"x\"", "null", "42" })
    void aPatchThatIsNotAnObjectIsRefused(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> mergePatch.read(json(body)));
        assertEquals("a merge patch must be a JSON object", e.detail());
    }

    @Test
    void valuesAreValidatedLikeARequestBody() {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                () -> mergePatch.read(json("{\"phone\": \"555-1234\", \"avatarUrl\": \"http://x\"}")));
        assertEquals(2, e.getConstraintViolations().size());
    }

    @Test
    void aValueOfTheWrongTypeIsAJsonErrorNotACoercion() {
        assertThrows(JsonProcessingException.class, () -> mergePatch.read(json("{\"displayName\": 42}")));
    }

    @Test
    void aReplaceNamesEveryFieldButKeepsTheStoredSsnWhenItIsOmitted() {
        ProfileInput withoutSsn = new ProfileInput("Alice", null, null, null, null, null, null);
        assertEquals(ProfileInput.FIELDS.size() - 1, ProfileChange.replacing(withoutSsn).present().size());
        ProfileInput withSsn = new ProfileInput("Alice", null, null, null, null, null, "123-45-6789");
        assertEquals(ProfileInput.FIELDS, ProfileChange.replacing(withSsn).present());
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JacksonConfig().customize(mapper);
        return mapper;
    }
}
