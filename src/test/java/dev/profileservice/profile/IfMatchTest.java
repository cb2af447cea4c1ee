package dev.profileservice.profile;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.error.ProblemException;

/** If-Match without Quarkus: exactly one strong ETag of a version, or a 400. */
class IfMatchTest {

    @Test
    void absentHeaderMeansNoExpectedVersion() {
        assertNull(IfMatch.version((String) null));
        assertNull(IfMatch.version((List<String>) null));
        assertNull(IfMatch.version(List.of()));
    }

    @Test
    void oneStrongEtagIsItsVersion() {
        assertEquals(3L, IfMatch.version("\"3\""));
        assertEquals(0L, IfMatch.version(" \"0\" "));
        assertEquals(999_999_999_999_999_999L, IfMatch.version("\"999999999999999999\""));
    }

    @Test
    void twoHeaderLinesAreAListAndRefusedLikeOne() {
        assertEquals(3L, IfMatch.version(List.of("\"3\"")));
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.version(List.of("\"3\"", "\"4\"")));
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "3", "*", "W/\"3\"", "\"3\", \"4\"", "\"-1\"", "\"abc\"", "\"1000000000000000000\"", "\"3" })
    void anythingElseIsABadRequest(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.version(header));
        assertEquals(400, e.status());
    }
}
