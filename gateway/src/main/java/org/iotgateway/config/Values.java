package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;

/** How a value is quoted in a message: short, and never the text of a secret. Pure. */
final class Values {
    private static final int MAX_SHOWN = 60;

    private Values() {
    }

    /** {@code 'qos' must be a whole number, got 'high'}. */
    static String mustBe(String path, String expected, JsonNode got) {
        String subject = path.isEmpty() ? "the file" : "'" + Paths.keyLabel(path) + "'";
        return subject + " must be " + expected + ", got " + shown(path, got);
    }

    static String shown(String path, JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (Secrets.isSecret(path)) {
            return "(value hidden)";
        }
        if (!node.isTextual()) {
            return node.asText();
        }
        String text = node.textValue();
        if (text.isEmpty()) {
            return "nothing";
        }
        return "'" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text) + "'";
    }
}
