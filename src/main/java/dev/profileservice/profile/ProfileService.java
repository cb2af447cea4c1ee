package dev.profileservice.profile;

import java.time.Clock;
import java.time.Instant;
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

import dev.profileservice.api.Views;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.ItemSchema;
import dev.profileservice.dynamo.StorageCodec;
import dev.profileservice.error.ProblemException;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profile use cases. Writes are optimistic: the caller's If-Match version is the write's
 * condition, so of two writers holding the same version exactly one wins.
 */
@ApplicationScoped
public class ProfileService {

    static final ItemSchema<ProfileInput> WRITABLE = ItemSchema.of(ProfileInput.class);
    private static final Set<String> WRITABLE_FIELDS = WRITABLE.fields().stream()
            .map(ItemSchema.Field::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final ProfileRepository repository;
    private final StorageCodec codec;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    ProfileService(ProfileRepository repository, StorageCodec codec, ObjectMapper mapper, Validator validator) {
        this.repository = repository;
        this.codec = codec;
        this.mapper = mapper;
        this.validator = validator;
    }

    public Uni<Profile> find(String userId, Class<?> view) {
        return repository.find(userId, view, false);
    }

    /** PUT: creates without If-Match, replaces with it. Omitting {@code ssn} keeps the stored one. */
    public Uni<Written> replace(String ownerId, ProfileInput body, Long expectedVersion) {
        Set<String> present = new HashSet<>(WRITABLE_FIELDS);
        if (body.ssn() == null) {
            present.remove("ssn");
        }
        return write(ownerId, body, present, expectedVersion);
    }

    /** PATCH with a JSON merge patch (RFC 7386); {@code preferences} is replaced as a whole. */
    public Uni<Written> patch(String ownerId, JsonNode patch, long expectedVersion) {
        if (!(patch instanceof ObjectNode object)) {
            throw ProblemException.badRequest("a merge patch must be a JSON object");
        }
        Set<String> present = new HashSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!WRITABLE_FIELDS.contains(name)) {
                throw new ProblemException(400, "unknown or read-only field '" + dev.profileservice.error.ProblemMappers.safeName(name) + "'");
            }
            if (object.get(name).isNull() && ProfileInput.REQUIRED.contains(name)) {
                throw ProblemException.badRequest(name + ": may not be removed");
            }
            present.add(name);
        }
        ProfileInput body;
        try {
            body = mapper.treeToValue(object, ProfileInput.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Set<ConstraintViolation<ProfileInput>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return write(ownerId, body, present, expectedVersion);
    }

    private Uni<Written> write(String ownerId, ProfileInput body, Set<String> present, Long expectedVersion) {
        ProfileInput normalized = body.normalized();
        ItemChanges changes = codec.encode(WRITABLE, normalized, ItemKey.profile(ownerId), present::contains);
        if (present.contains("ssn")) {
            String last4 = normalized.ssnLast4();
            if (last4 == null) {
                changes.remove(Attributes.SSN_LAST4);
            } else {
                changes.set(Attributes.SSN_LAST4, AttributeValue.fromS(last4));
            }
        }
        String now = Instant.now(clock).toString();
        long next = expectedVersion == null ? 1 : expectedVersion + 1;
        changes.set(Attributes.VERSION, AttributeValue.fromN(Long.toString(next)))
                .set(Attributes.UPDATED_AT, AttributeValue.fromS(now))
                .setIfAbsent(Attributes.CREATED_AT, AttributeValue.fromS(now));
        Uni<Void> write = expectedVersion == null
                ? repository.create(ownerId, changes).onFailure(ConditionalCheckFailedException.class)
                        .transform(e -> ProblemException.preconditionRequired())
                : repository.update(ownerId, changes, expectedVersion).onFailure(ConditionalCheckFailedException.class)
                        .transform(e -> ProblemException.preconditionFailed());
        return write.chain(() -> repository.find(ownerId, Views.Owner.class, true))
                .map(profile -> new Written(profile, expectedVersion == null));
    }

    /** The profile after a write, and whether the write created it. */
    public record Written(Profile profile, boolean created) {
    }
}
