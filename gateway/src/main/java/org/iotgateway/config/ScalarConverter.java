package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Converts one YAML scalar into a record component's type: strings, whole numbers, decimals,
 * booleans, {@link Duration} ({@code 10s}), {@link DataSize} ({@code 64MB}), {@link Path} and
 * enums (kebab-case). Text is accepted for numbers and booleans because a substituted
 * {@code ${QOS:-1}} is text. Pure; safe from any thread.
 */
final class ScalarConverter {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,19}");
    // Stricter than Double.parseDouble, which would take "1d", "0x1p3" and "NaN".
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");

    /** The value does not fit; {@code expected} completes "'key' must be ...". */
    static final class BadValue extends Exception {
        final String expected;
        final String hint;

        BadValue(String expected, String hint) {
            super(expected, null, false, false);
            this.expected = expected;
            this.hint = hint;
        }

        BadValue(String expected) {
            this(expected, "");
        }
    }

    private ScalarConverter() {
    }

    static boolean supports(Class<?> type) {
        return type == String.class || type.isEnum() || type == Path.class || type == Duration.class
                || type == DataSize.class || box(type) != null;
    }

    static Object convert(JsonNode node, Class<?> type) throws BadValue {
        if (node.isContainerNode()) {
            throw new BadValue(describe(type));
        }
        String text = node.asText();
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            return EnumNames.parse(type, node);
        }
        Class<?> boxed = box(type);
        if (boxed == Integer.class) {
            return (int) whole(node, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (boxed == Long.class) {
            return whole(node, text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (boxed == Double.class) {
            return decimal(node, text);
        }
        if (boxed == Boolean.class) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            throw new BadValue(describe(type));
        }
        if (!node.isTextual() && type != DataSize.class) {
            throw new BadValue(describe(type));
        }
        try {
            if (type == Duration.class) {
                return Durations.parse(text);
            }
            if (type == DataSize.class) {
                return DataSize.parse(text);
            }
            return Path.of(text);
        } catch (IllegalArgumentException | ArithmeticException e) { // includes InvalidPathException
            throw new BadValue(describe(type));
        }
    }

    /** What a value of {@code type} looks like, completing "must be ...". */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", EnumNames.names(type));
        }
        Class<?> boxed = box(type);
        if (boxed == Integer.class || boxed == Long.class) {
            return "a whole number";
        }
        if (boxed == Double.class) {
            return "a number";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 10s, 1m, 2h or 7d";
        }
        if (type == DataSize.class) {
            return "a size such as 512kB, 64MB, 1GB or 64MiB";
        }
        return type == Path.class ? "a file path" : "text";
    }

    private static long whole(JsonNode node, String text, long min, long max) throws BadValue {
        BigInteger v;
        if (node.isIntegralNumber()) {
            v = node.bigIntegerValue();
        } else if (node.isTextual() && INTEGER.matcher(text.trim()).matches()) {
            v = new BigInteger(text.trim());
        } else {
            throw new BadValue("a whole number");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new BadValue("a whole number between " + min + " and " + max);
        }
        return v.longValue();
    }

    private static double decimal(JsonNode node, String text) throws BadValue {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual() && DECIMAL.matcher(text.trim()).matches()) {
            return Double.parseDouble(text.trim());
        }
        throw new BadValue("a number");
    }

    private static Class<?> box(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return Integer.class;
        }
        if (type == Long.class || type == long.class) {
            return Long.class;
        }
        if (type == Double.class || type == double.class) {
            return Double.class;
        }
        return type == Boolean.class || type == boolean.class ? Boolean.class : null;
    }
}
