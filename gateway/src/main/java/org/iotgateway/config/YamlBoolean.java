package org.iotgateway.config;

import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * A YAML 1.1 boolean that remembers how it was written. The YAML parser reads {@code off},
 * {@code on}, {@code yes} and {@code no} as booleans, but {@code off} is also a value of
 * {@code pull}, and a user name may be {@code yes}: where the key is not a boolean, the binder
 * needs the text ({@link #asText}), where it is, the value ({@link #booleanValue}). Immutable.
 */
final class YamlBoolean extends BooleanNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    YamlBoolean(boolean value, String text) {
        super(value);
        this.text = text;
    }

    @Override
    public String asText() {
        return text;
    }
}
