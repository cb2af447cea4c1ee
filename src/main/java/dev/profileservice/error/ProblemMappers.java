package dev.profileservice.error;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.profileservice.crypto.UnreadableAttributeException;
import dev.profileservice.limits.TooManyRequestsException;
import dev.profileservice.logging.ValueFreeMessages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Every failure becomes an RFC 9457 problem. Client errors name the field and the rule;
 * server errors say nothing but an errorId. Quarkus' own detailed dev/test mappers are
 * replaced, so every profile answers the same way.
 */
public class ProblemMappers {

    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded", "RequestLimitExceededException");

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        return Problems.client(e.status(), e.detail(), null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> field(v) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.client(400, detail, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownField(UnrecognizedPropertyException e) {
        return Problems.client(400, ProblemException.unknownField(e.getPropertyName()).detail(), e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> wrongType(MismatchedInputException e) {
        String field = ValueFreeMessages.path(e);
        return Problems.client(400, field.isEmpty() ? "the body does not have the expected shape"
                : "field '" + field + "' has the wrong type", e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mapping(JsonMappingException e) {
        return Problems.client(400, "the body does not have the expected shape", e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooComplex(StreamConstraintsException e) {
        return Problems.client(400, "the body is nested too deeply or has a value that is too long", e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonProcessingException e) {
        return Problems.client(400, "the body is not valid JSON", e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(AuthenticationFailedException e) {
        return Problems.unauthorized(e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e) {
        return Problems.unauthorized(e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return Problems.client(403, null, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return Problems.server(status, e);
        }
        return Problems.client(status, null, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooMany(TooManyRequestsException e) {
        return Problems.tooManyRequests(e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> circuitOpen(CircuitBreakerOpenException e) {
        return Problems.unavailable(e, 5);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> timeout(TimeoutException e) {
        return Problems.unavailable(e, 1);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreachable(SdkClientException e) {
        return Problems.unavailable(e, 1);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> dynamo(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        if (THROTTLING.contains(code) || e.isThrottlingException() || e.statusCode() >= 500) {
            return Problems.unavailable(e, 2);
        }
        return Problems.server(500, e);
    }

    /** Fail closed: the client learns nothing; the log names the attribute and item that did not open. */
    @ServerExceptionMapper
    public RestResponse<Problem> undecryptable(UnreadableAttributeException e) {
        return Problems.server(500, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> wrapped(CompletionException e) {
        return Problems.server(500, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        return Problems.server(500, e);
    }

    private static String field(ConstraintViolation<?> violation) {
        // The path starts with method and parameter (replace.body.email); the client knows the body's fields only.
        String parameter = "body";
        StringBuilder properties = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> properties.append(properties.isEmpty() ? "" : ".").append(safeName(node.getName()));
                default -> {
                }
            }
        }
        return properties.isEmpty() ? safeName(parameter) : properties.toString();
    }

    /** Field names come from the request: keep them short and printable before echoing them. */
    static String safeName(String name) {
        return ValueFreeMessages.safeName(name);
    }
}
