package org.iotgateway.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which keys of a config section differ between two configs, named as in the YAML: for a reload's log and refusals. */
public final class ConfigChanges {
    private ConfigChanges() {
    }

    /**
     * The top-level keys of {@code section} whose values differ, as {@code prefix.key}
     * ({@code outbox.max-bytes}); only key names, never values (a password may be among them).
     */
    public static <R extends Record> List<String> changedKeys(String prefix, R before, R after) {
        List<String> out = new ArrayList<>();
        RecordShape shape = RecordShape.of(before.getClass());
        for (int i = 0; i < shape.components.length; i++) {
            RecordComponent c = shape.components[i];
            if (!Objects.equals(value(c, before), value(c, after))) {
                out.add(prefix + "." + shape.keys[i]);
            }
        }
        return out;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
