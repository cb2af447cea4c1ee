package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import dev.profileservice.profile.Profile;

/** The storage mapping derived from a record, without Quarkus: views decide what is read, and some attributes never are. */
class ItemSchemaTest {

    record Card(@JsonView(Views.Public.class) @StoredAs("name") String name,
            @JsonView(Views.Owner.class) @StoredAs("note") String note,
            @StoredAs("secret") String secret) {
    }

    record Unmapped(@JsonView(Views.Public.class) String name) {
    }

    record ShowsSsn(@JsonView(Views.Owner.class) @StoredAs(Attributes.SSN) String ssn) {
    }

    @Test
    void viewsNestSoEachViewReadsItsOwnFieldsAndThoseBelowIt() {
        ItemSchema<Profile> schema = ItemSchema.of(Profile.class);
        assertEquals(List.of("user_id", "display_name", "avatar_url"), schema.attributesOf(Views.Public.class));
        List<String> owner = schema.attributesOf(Views.Owner.class);
        assertTrue(owner.containsAll(List.of("user_id", "email", "phone", "ssn_last4", "version")), owner.toString());
        assertTrue(!owner.contains("internal_notes") && !owner.contains("account_flags"), owner.toString());
        List<String> admin = schema.attributesOf(Views.Admin.class);
        assertTrue(admin.containsAll(owner) && admin.containsAll(List.of("internal_notes", "account_flags")), admin.toString());
    }

    @Test
    void noViewOfAProfileEverReadsTheSsnOrThePasswordHash() {
        for (Class<?> view : List.of(Views.Public.class, Views.Owner.class, Views.Admin.class)) {
            List<String> attributes = ItemSchema.of(Profile.class).attributesOf(view);
            assertTrue(!attributes.contains("ssn") && !attributes.contains("password_hash"), attributes.toString());
        }
    }

    @Test
    void aComponentWithoutAViewIsInNoView() {
        ItemSchema<Card> schema = ItemSchema.of(Card.class);
        assertEquals(List.of("name", "note"), schema.attributesOf(Views.Admin.class));
        assertEquals(List.of("name"), schema.attributesOf(Views.Public.class));
    }

    @Test
    void projectionNamesEveryAttributeThroughAPlaceholder() {
        Projection projection = ItemSchema.of(Card.class).projection(Views.Owner.class);
        assertEquals("#p0, #p1", projection.expression());
        assertEquals(Map.of("#p0", "name", "#p1", "note"), projection.names());
    }

    @Test
    void aComponentWithoutStoredAsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ItemSchema.of(Unmapped.class));
        assertTrue(e.getMessage().contains("@StoredAs"), e.getMessage());
    }

    @Test
    void anAttributeThatIsNeverReadCannotBePartOfAView() {
        assertThrows(IllegalStateException.class, () -> ItemSchema.of(ShowsSsn.class));
    }

    @Test
    void aViewWithNoFieldHasNoProjection() {
        record OwnerOnly(@JsonView(Views.Owner.class) @StoredAs("note") String note) {
        }
        assertThrows(IllegalArgumentException.class, () -> ItemSchema.of(OwnerOnly.class).projection(Views.Public.class));
    }

    @Test
    void instantiateFillsComponentsByNameAndLeavesTheRestNull() {
        Card card = ItemSchema.of(Card.class).instantiate(Map.of("name", "Alice"));
        assertEquals(new Card("Alice", null, null), card);
    }
}
