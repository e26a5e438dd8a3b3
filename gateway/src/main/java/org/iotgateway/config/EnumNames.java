package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one naming rule for enums in YAML: the constant's name in lower case with '-' for '_'
 * ({@code DROP_NEWEST} is {@code drop-newest}). Pure.
 */
final class EnumNames {
    private EnumNames() {
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> names(Class<?> enumType) {
        List<String> out = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(name((Enum<?>) c));
        }
        return out;
    }

    static Object parse(Class<?> enumType, JsonNode node) throws ScalarConverter.BadValue {
        String text = node.asText();
        for (Object c : enumType.getEnumConstants()) {
            if (name((Enum<?>) c).equals(text)) {
                return c;
            }
        }
        List<String> names = names(enumType);
        String hint = Suggestions.closest(text, names).map(s -> "; did you mean '" + s + "'?").orElse("");
        throw new ScalarConverter.BadValue("one of " + String.join(", ", names), hint);
    }
}
