package org.iotgateway.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link RecordBinder} needs to know about a record type: its components with their
 * kebab-case keys and generic types, and its canonical constructor, made accessible. Looked up
 * once per type and kept: a config binds the same few records once per sensor and channel, and
 * each reflective lookup (components, generic signatures, the constructor) copies its result and,
 * at start-up, runs in the interpreter (100 sensors: some 400 lookups of each). Immutable once
 * built; {@link #of} is safe from any thread.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type.asSubclass(Record.class));
        }
    };

    final RecordComponent[] components;
    final String[] keys;
    final Type[] genericTypes;
    /** Key to component, in declaration order (the order "valid keys are" lists them). */
    final Map<String, RecordComponent> byKey;
    final Constructor<? extends Record> constructor;

    private RecordShape(Class<? extends Record> type) {
        components = type.getRecordComponents();
        keys = new String[components.length];
        genericTypes = new Type[components.length];
        Map<String, RecordComponent> map = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            keys[i] = RecordBinder.key(components[i]);
            genericTypes[i] = components[i].getGenericType();
            map.put(keys[i], components[i]);
        }
        byKey = Collections.unmodifiableMap(map);
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
        }
        constructor.setAccessible(true); // parameter records of drivers may be package-private
    }

    static RecordShape of(Class<? extends Record> type) {
        return SHAPES.get(type);
    }
}
