package dev.profileservice.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.RawHttp;
import dev.profileservice.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Requests that break the HTTP layer's limits, sent over a raw socket as no HTTP client would send
 * them: each gets a problem with an errorId, except beyond Netty's decoder limits, where Vert.x
 * answers itself (the documented exception, pinned here so that a change is noticed).
 */
@QuarkusTest
class HttpLimitsTest extends ApiTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void overLongRequestTargetIs414Problem() throws Exception {
        RawHttp.Answer answer = get("/api/profile/" + "a".repeat(5000), "");
        assertProblem(answer, 414);
    }

    @Test
    void overLongQueryStringIs414Problem() throws Exception {
        RawHttp.Answer answer = get("/api/profile/addresses?cursor=" + "c".repeat(4100), "");
        assertProblem(answer, 414);
    }

    @Test
    void oversizedHeadersAre431Problem() throws Exception {
        RawHttp.Answer answer = get("/api/profile", "X-Padding: " + "b".repeat(25_000) + "\r\n");
        assertProblem(answer, 431);
    }

    @Test
    void manyHeadersOverTheLimitAre431Problem() throws Exception {
        RawHttp.Answer answer = get("/api/profile", ("X-Many: " + "m".repeat(100) + "\r\n").repeat(250));
        assertProblem(answer, 431);
    }

    @Test
    void chunkedBodyOverTheLimitIs413Problem() throws Exception {
        StringBuilder chunks = new StringBuilder(chunk("{\"line1\": \""));
        for (int i = 0; i < 12; i++) {
            chunks.append(chunk("x".repeat(8000)));
        }
        chunks.append(chunk("\", \"city\": \"C\", \"postalCode\": \"1\", \"country\": \"NL\"}")).append("0\r\n\r\n");
        assertProblem(send("POST", "/api/profile/addresses", chunks.toString()), 413);
    }

    @Test
    void announcedBodyOverTheLimitIs413Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base.getPort(), "PUT /api/profile HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.alice() + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", new byte[20_000]);
        assertProblem(answer, 413);
    }

    @Test
    void chunkedBodyWithinTheLimitIsServed() throws Exception {
        String body = chunk("{\"displayName\": ") + chunk("\"Chunked A.\"}") + "0\r\n\r\n";
        RawHttp.Answer answer = send("PUT", "/api/profile", body);
        assertEquals(201, answer.status(), answer.body());
        assertEquals("Chunked A.", new JsonObject(answer.body()).getString("displayName"));
    }

    @Test
    void matrixParametersAre400ProblemsWhereverTheyStand() throws Exception {
        for (String target : new String[] { "/api/profile;x.js", "/api;x=1/profile", "/api/profile/addresses;limit=1",
                "/index.html;x", "/logout;x=1" }) {
            RawHttp.Answer answer = get(target, "");
            assertEquals(400, answer.status(), target + " " + answer);
            assertEquals("application/problem+json", answer.header("Content-Type"), answer.toString());
            assertEquals("no-store", answer.header("Cache-Control"), target);
            JsonObject problem = new JsonObject(answer.body());
            assertEquals("the path may not carry matrix parameters (';')", problem.getString("detail"));
            assertTrue(problem.getString("errorId", "").matches("[0-9a-f-]{36}"), answer.body());
        }
        // encoded, the ';' is a character of the segment, not a separator: an unknown path, not a way round the routes
        assertEquals(404, get("/api%3Bx=1/profile", "").status());
    }

    /** A byte range past the end of a page got Vert.x's empty 416: pages are served whole. */
    @Test
    void aRangePastTheEndOfAPageIsIgnored() throws Exception {
        RawHttp.Answer page = RawHttp.send(base.getPort(), "GET /index.html HTTP/1.1\r\nHost: localhost\r\n"
                + "Range: bytes=999999-\r\n\r\n", new byte[0]);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("<html"), page.body());
    }

    /** Quarkus refuses a target java.net.URI cannot parse before any route runs: an empty 400 (limits-and-edges.md). */
    @Test
    void anUnparsableTargetGetsQuarkusEmpty400() throws Exception {
        for (String target : new String[] { "/api/profile/addresses?cursor=%zz", "/api/profiles/a|b", "/api/profiles/x%" }) {
            RawHttp.Answer answer = get(target, "");
            assertEquals(400, answer.status(), target + " " + answer);
            assertEquals("", answer.body(), target);
        }
    }

    /** Absolute URLs are made from the Host (OIDC's redirect): a Host no URL can hold is a 400, before any write. */
    @Test
    void noHostHeaderMakesAWriteA5xx() throws Exception {
        ensureProfile(Tokens.alice());
        RawHttp.Answer control = postAddressWithHost("localhost:" + base.getPort());
        assertEquals(201, control.status(), "the control, a plain Host: " + control);
        for (String host : new String[] { "[::1", "a b", "x:99999", "%", "[zz]", "h\u00e9st", "a/b", "a?b", "a#b", "@x",
                "x:-1", "[::1]:x" }) {
            RawHttp.Answer answer = postAddressWithHost(host);
            assertEquals(400, answer.status(), host + " " + answer);
            RawHttp.Answer signIn = RawHttp.send(base.getPort(), "GET /login HTTP/1.1\r\nHost: " + host + "\r\n\r\n", new byte[0]);
            assertEquals(400, signIn.status(), "sign-in with Host " + host + ": " + signIn);
        }
        RawHttp.Answer ipv6 = postAddressWithHost("[zz]");
        assertEquals("application/problem+json", ipv6.header("Content-Type"), ipv6.toString());
        assertTrue(ipv6.body().contains("the Host header is not a valid host"), ipv6.body());
        for (String host : new String[] { "[::1]:" + base.getPort(), "127.0.0.1:" + base.getPort(), "profile.example.org" }) {
            RawHttp.Answer answer = postAddressWithHost(host);
            assertEquals(201, answer.status(), host + " " + answer);
            assertFalse(String.valueOf(answer.header("Location")).contains(host), "the Host is not reflected: " + answer);
        }
    }

    /** A body must say what it is: without a Content-Type Quarkus REST took it for JSON, and no browser preflight ran. */
    @Test
    void aBodyWithoutContentTypeIs415Problem() throws Exception {
        ensureProfile(Tokens.alice());
        byte[] body = "{\"line1\": \"1 Untyped St\", \"city\": \"C\", \"postalCode\": \"1\", \"country\": \"GB\"}"
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer untyped = RawHttp.send(base.getPort(), "POST /api/profile/addresses HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.alice() + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
        assertEquals(415, untyped.status(), untyped.toString());
        assertEquals("application/problem+json", untyped.header("Content-Type"), untyped.toString());
        RawHttp.Answer list = get("/api/profile/addresses?limit=100", "");
        assertFalse(list.body().contains("Untyped"), "nothing was written: " + list.body());
        // no body, no type needed: a bodiless POST (the sign-out form) and a GET pass
        RawHttp.Answer empty = RawHttp.send(base.getPort(), "DELETE /api/profile/addresses/none HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.alice() + "\r\nContent-Length: 0\r\n\r\n", new byte[0]);
        assertTrue(empty.status() != 415, empty.toString());
    }

    private RawHttp.Answer postAddressWithHost(String host) throws Exception {
        byte[] body = "{\"line1\": \"1 Host St\", \"city\": \"C\", \"postalCode\": \"1\", \"country\": \"GB\"}".getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(base.getPort(), "POST /api/profile/addresses HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + Tokens.alice() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    @Test
    void anApiAnswerIsNeverStoredWhateverItsPathEndsWith() throws Exception {
        RawHttp.Answer answer = get("/api/admin/profiles/someone.js", "");
        assertTrue(answer.status() >= 400, answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"), answer.toString());
    }

    @Test
    void beyondTheDecoderLimitsVertxAnswersWithoutABody() throws Exception {
        RawHttp.Answer target = get("/api/profile/" + "a".repeat(20_000), "");
        assertEquals(414, target.status());
        assertEquals("", target.body());
        RawHttp.Answer headers = get("/api/profile", "X-Padding: " + "b".repeat(70_000) + "\r\n");
        assertEquals(431, headers.status());
        assertEquals("", headers.body());
    }

    private RawHttp.Answer get(String target, String extraHeaders) throws Exception {
        return RawHttp.send(base.getPort(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.alice() + "\r\n" + extraHeaders + "\r\n", new byte[0]);
    }

    private RawHttp.Answer send(String method, String path, String chunkedBody) throws Exception {
        return RawHttp.send(base.getPort(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.alice() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                chunkedBody.getBytes(StandardCharsets.UTF_8));
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"));
        JsonObject problem = new JsonObject(answer.body());
        assertEquals(status, problem.getInteger("status"));
        assertTrue(problem.getString("errorId", "").matches("[0-9a-f-]{36}"), answer.body());
        assertTrue(problem.getString("detail", "").matches("[a-z ]+ \\d+ [a-z]+"), answer.body());
    }
}
