package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in string values of the parsed tree;
 * {@code $${...}} stands for a literal {@code ${...}}. Done on the tree, after parsing, so a value
 * containing YAML syntax (a password with {@code ": "} or a newline) stays one string and cannot
 * change the document's structure. Keys are never substituted. Runs on the loading thread; the
 * {@code env} function must not block for long.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    /** Substitutes in place below the root; returns the (possibly replaced) root. */
    JsonNode apply(JsonNode node, String path, Problems problems) {
        if (node instanceof TextNode t) {
            boolean secret = Secrets.isSecret(path);
            if (secret) {
                problems.secret(t.textValue());
            }
            String value = substitute(t.textValue(), path, secret, problems);
            if (secret) {
                problems.secret(value);
            }
            return value.equals(t.textValue()) ? node : TextNode.valueOf(value);
        }
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(o.properties())) {
                o.set(e.getKey(), apply(e.getValue(), Paths.child(path, e.getKey()), problems));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, apply(a.get(i), Paths.child(path, i), problems));
            }
        }
        return node;
    }

    private String substitute(String text, String path, boolean secret, Problems problems) {
        if (!text.contains("$")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    problems.atValue(path, "'" + Paths.keyLabel(path) + "' has an unterminated ${ (write $${ for a literal ${)");
                    return text;
                }
                out.append(resolve(text.substring(i + 2, end), path, secret, problems));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private String resolve(String reference, String path, boolean secret, Problems problems) {
        int sep = reference.indexOf(":-");
        String name = sep < 0 ? reference : reference.substring(0, sep);
        String fallback = sep < 0 ? null : reference.substring(sep + 2);
        String key = Paths.keyLabel(path);
        if (!NAME.matcher(name).matches()) {
            String shown = secret ? "(value hidden)" : "'" + name + "'";
            problems.atValue(path, "'" + key + "': " + shown + " is not a variable name; write ${NAME} or ${NAME:-default}");
            return "";
        }
        String value = env.apply(name);
        // Like the shell's ${VAR:-x}: an empty variable counts as unset when a default is given.
        if ((value == null || value.isEmpty()) && fallback != null) {
            return fallback;
        }
        if (value == null) {
            problems.atValue(path, "'" + key + "': environment variable " + name
                    + " is not set (set it, or give a default: ${" + name + ":-value})");
            return "";
        }
        return value;
    }
}
