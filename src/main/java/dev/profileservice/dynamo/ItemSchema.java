package dev.profileservice.dynamo;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonView;

/**
 * The storage mapping of one record type, derived from its components: each component's
 * {@link StoredAs} names the attribute and its {@link JsonView} says which views may see it.
 * Projections, decoding and update expressions all come from here, so the views are the
 * single source of truth for what is read.
 */
public final class ItemSchema<T extends Record> {

    /** One record component and the attribute behind it. */
    public record Field(String name, String attribute, String keyPrefix, Class<?> javaType, List<Class<?>> views,
            RecordComponent component) {

        /** Views nest by inheritance (Public ⊂ Owner ⊂ Admin), so a field shown in Public is shown in Owner. */
        public boolean visibleIn(Class<?> view) {
            return views.stream().anyMatch(v -> v.isAssignableFrom(view));
        }

        public Object valueOf(Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read record component " + name, e);
            }
        }
    }

    private static final Map<Class<?>, ItemSchema<?>> SCHEMAS = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final List<Field> fields;
    private final Constructor<T> constructor;
    private final Map<Class<?>, Projection> projections = new ConcurrentHashMap<>();

    private ItemSchema(Class<T> type) {
        this.type = type;
        List<Field> found = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            StoredAs stored = component.getAnnotation(StoredAs.class);
            if (stored == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + " has no @StoredAs");
            }
            JsonView view = component.getAccessor().getAnnotation(JsonView.class);
            List<Class<?>> views = view == null ? List.of() : List.of(view.value());
            if (Attributes.NEVER_READ.contains(stored.value()) && !views.isEmpty()) {
                throw new IllegalStateException(stored.value() + " must never be part of a view");
            }
            found.add(new Field(component.getName(), stored.value(), stored.keyPrefix(), component.getType(), views,
                    component));
        }
        this.fields = List.copyOf(found);
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends Record> ItemSchema<T> of(Class<T> type) {
        return (ItemSchema<T>) SCHEMAS.computeIfAbsent(type, t -> new ItemSchema<>(type));
    }

    public List<Field> fields() {
        return fields;
    }

    /** The attributes a view may see, in component order. */
    public List<String> attributesOf(Class<?> view) {
        Set<String> attributes = new LinkedHashSet<>();
        for (Field field : fields) {
            if (field.visibleIn(view)) {
                attributes.add(field.attribute());
            }
        }
        return List.copyOf(attributes);
    }

    /** The projection that reads exactly the attributes of a view and nothing else. */
    public Projection projection(Class<?> view) {
        return projections.computeIfAbsent(view, v -> {
            List<String> attributes = attributesOf(v);
            if (attributes.isEmpty()) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no field in view " + v.getSimpleName());
            }
            return Projection.of(attributes);
        });
    }

    /** Builds the record from already decoded component values, by component name. */
    public T instantiate(Map<String, Object> values) {
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(fields.get(i).name());
        }
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
