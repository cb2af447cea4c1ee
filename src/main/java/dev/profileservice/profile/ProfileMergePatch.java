package dev.profileservice.profile;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.profileservice.error.ProblemException;

/**
 * Turns a JSON merge patch (RFC 7386) of a profile into a {@link ProfileChange}: only writable
 * fields, {@code null} removes a field except the required ones, {@code preferences} is replaced
 * as a whole, and the result is validated like a request body. Every refusal is thrown, and the
 * problem mappers turn it into a 400.
 */
@ApplicationScoped
public class ProfileMergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    public ProfileMergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public ProfileChange read(JsonNode patch) throws JsonProcessingException {
        if (!(patch instanceof ObjectNode object)) {
            throw ProblemException.badRequest("a merge patch must be a JSON object");
        }
        Set<String> present = new HashSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ProfileInput.FIELDS.contains(name)) {
                throw ProblemException.unknownField(name);
            }
            if (object.get(name).isNull() && ProfileInput.REQUIRED.contains(name)) {
                throw ProblemException.badRequest(name + ": may not be removed");
            }
            present.add(name);
        }
        ProfileInput input = mapper.treeToValue(object, ProfileInput.class);
        Set<ConstraintViolation<ProfileInput>> violations = new HashSet<>(validator.validate(input));
        // A required field that is named must hold what a full replace needs: a patch may not blank it either.
        for (String name : ProfileInput.REQUIRED) {
            if (present.contains(name)) {
                violations.addAll(validator.validateProperty(input, name, ProfileInput.Replace.class));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new ProfileChange(input, present);
    }
}
