package org.iotgateway.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.driver.InvalidValueException;

/**
 * Learns from a config record's own constructor which keys it requires and what it defaults the
 * others to: construct with every component absent; each "'key' is required" names a required
 * key, which then gets a plain sample value; an enum sample that its own or another key's check
 * refuses is advanced to its next constant (a serial parser that needs more keys). Ends when the record is built (then
 * its components are the defaults) or when a check other than "required" refuses it.
 *
 * <p>"'a' or 'b' is required" (a Modbus sensor needs a port or a host) names alternatives: the
 * record is probed once with each, and only keys both runs require count as required; the
 * minimal record and its arguments are those of the first alternative.
 *
 * @param required the required keys, kebab-case, in the order the constructor checks them
 * @param oneOf keys of which one is required, or empty
 * @param minimal the record built from the required keys' samples alone, or null if none could be built
 * @param arguments the constructor arguments {@code minimal} was built from: the required keys'
 *        samples, null for every other key
 */
record RecordProbe(Set<String> required, List<String> oneOf, Record minimal, List<Object> arguments) {
    private static final Pattern EITHER = Pattern.compile("'([a-z-]+)' or '([a-z-]+)' is required\\b.*");

    static RecordProbe of(Class<? extends Record> type) {
        RecordProbe first = run(type, null);
        if (first.oneOf.isEmpty()) {
            return first;
        }
        RecordProbe other = run(type, first.oneOf.get(1));
        Set<String> both = new LinkedHashSet<>(first.required);
        both.retainAll(other.required);
        return new RecordProbe(both, first.oneOf, first.minimal, first.arguments);
    }

    /** One probe; {@code preset}: a key given a sample from the start. */
    private static RecordProbe run(Class<? extends Record> type, String preset) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        if (preset != null) {
            int p = indexOf(components, preset);
            args[p] = sample(components[p].getGenericType());
        }
        Set<String> required = new LinkedHashSet<>();
        List<String> oneOf = List.of();
        int lastEnum = -1;
        for (int tries = 0; tries < 64; tries++) {
            try {
                Record built = construct(type, components, args);
                return new RecordProbe(required, oneOf, built, Collections.unmodifiableList(Arrays.asList(args.clone())));
            } catch (InvalidValueException e) {
                int i = indexOf(components, e.key());
                if (i < 0) {
                    break;
                }
                Matcher either = EITHER.matcher(e.getMessage());
                if (e.getMessage().equals("'" + e.key() + "' is required") && args[i] == null) {
                    required.add(e.key());
                    args[i] = sample(components[i].getGenericType());
                } else if (either.matches() && either.group(1).equals(e.key()) && args[i] == null) {
                    oneOf = List.of(either.group(1), either.group(2));
                    args[i] = sample(components[i].getGenericType());
                } else if (args[i] instanceof Enum<?> sampled && sampled.ordinal() + 1 < enumSize(sampled)) {
                    args[i] = next(sampled);
                } else if (args[i] == null && lastEnum >= 0 && args[lastEnum] instanceof Enum<?> sampled
                        && sampled.ordinal() + 1 < enumSize(sampled)) {
                    // Another key refused because of the enum's sample ("parser csv needs 'fields'").
                    args[lastEnum] = next(sampled);
                } else {
                    break;
                }
                if (args[i] instanceof Enum<?> && required.contains(e.key())) {
                    lastEnum = i;
                }
            }
        }
        return new RecordProbe(required, oneOf, null, null);
    }

    private static int indexOf(RecordComponent[] components, String key) {
        for (int i = 0; i < components.length; i++) {
            if (RecordBinder.key(components[i]).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Object next(Enum<?> e) {
        return e.getDeclaringClass().getEnumConstants()[e.ordinal() + 1];
    }

    private static int enumSize(Enum<?> e) {
        return e.getDeclaringClass().getEnumConstants().length;
    }

    private static Object sample(java.lang.reflect.Type generic) {
        if (generic instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord() && item != DataSize.class) {
            // A list of records that must not be empty (sensors, channels): one minimal item.
            Record one = of(item.asSubclass(Record.class)).minimal();
            return one == null ? List.of() : List.of(one);
        }
        Class<?> type = generic instanceof Class<?> c ? c : (Class<?>) ((java.lang.reflect.ParameterizedType) generic).getRawType();
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord() && type != DataSize.class) {
            return of(type.asSubclass(Record.class)).minimal();
        }
        return switch (type.getSimpleName()) {
            case "String" -> "x";
            case "Integer" -> 1;
            case "Long" -> 1L;
            case "Double" -> 1.0;
            case "Boolean" -> false;
            case "Duration" -> Duration.ofSeconds(1);
            case "DataSize" -> DataSize.parse("1MB");
            case "Path" -> Path.of("x");
            case "List" -> List.of();
            default -> null;
        };
    }

    /** Builds {@code type} from {@code args}; an {@link InvalidValueException} means the values were refused. */
    static Record construct(Class<? extends Record> type, RecordComponent[] components, Object[] args) {
        try {
            Constructor<? extends Record> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidValueException iv) {
                throw iv;
            }
            throw new InvalidValueException(null, String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
