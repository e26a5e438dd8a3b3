package org.iotgateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.iotgateway.config.YamlLocations.Position;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns YAML text into a Jackson tree while recording where every key and value sits. One pass
 * over the token stream rather than {@code ObjectMapper.readTree} plus a second walk, so that the
 * tree and the positions cannot disagree, and so that duplicate keys are all reported (with the
 * line of the first) instead of failing on the first one.
 *
 * <p>Hostile input: aliases are refused outright (Jackson's YAML parser would not expand them
 * anyway, it would silently read {@code *a} as the string "a"), nesting is capped, and SnakeYAML's
 * own limits are set as a second line of defence. Stateless; safe from any thread.
 */
final class YamlTreeReader {
    static final int MAX_DEPTH = 32;
    static final int MAX_CODE_POINTS = ConfigLoader.MAX_BYTES;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTreeReader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(10);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setNestingDepthLimit(MAX_DEPTH);
        return o;
    }

    /** Stops the walk: the rest of the document cannot be trusted or is not worth reading. */
    private static final class Fatal extends Exception {
        Fatal() {
            super(null, null, false, false);
        }
    }

    private static final class Frame {
        final ContainerNode<?> node;
        final String path;
        final boolean discard;
        final Map<String, Position> keys = new HashMap<>();
        String pendingKey;
        boolean pendingDiscard;

        Frame(ContainerNode<?> node, String path, boolean discard) {
            this.node = node;
            this.path = path;
            this.discard = discard;
        }
    }

    /** The root node, or null when the document is unusable; problems go to {@code problems}. */
    static JsonNode read(String text, Problems problems) {
        YamlLocations locations = new YamlLocations();
        problems.locations(locations);
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            return walk(p, problems, locations);
        } catch (Fatal f) {
            return null;
        } catch (JsonProcessingException e) {
            syntaxError(e, problems);
            return null;
        } catch (IOException e) {
            problems.whole("cannot parse: " + e.getMessage());
            return null;
        }
    }

    private static JsonNode walk(YAMLParser p, Problems problems, YamlLocations locations) throws IOException, Fatal {
        Deque<Frame> stack = new ArrayDeque<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            problems.whole("the file is empty");
            throw new Fatal();
        }
        JsonNode root = null;
        do {
            Position at = position(p.currentTokenLocation());
            Frame top = stack.peek();
            if (t == JsonToken.FIELD_NAME) {
                key(top, p.currentName(), at, problems, locations);
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
            } else {
                if (p.isCurrentAlias()) {
                    problems.at(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
                    throw new Fatal();
                }
                JsonNode node = node(t, p, at, problems);
                String path = top == null ? "" : nextPath(top);
                boolean discard = top != null && (top.discard || top.pendingDiscard);
                if (!discard) {
                    locations.value(path, at);
                    attach(top, node);
                }
                if (node instanceof ContainerNode<?> c) {
                    if (stack.size() >= MAX_DEPTH) {
                        problems.at(at, "the document is nested more than " + MAX_DEPTH + " levels deep");
                        throw new Fatal();
                    }
                    stack.push(new Frame(c, path, discard));
                }
                root = root == null ? node : root;
            }
        } while (!stack.isEmpty() && (t = p.nextToken()) != null);
        if (p.nextToken() != null) {
            problems.at(position(p.currentTokenLocation()), "only one YAML document is allowed per file");
        }
        return root;
    }

    private static void key(Frame top, String name, Position at, Problems problems, YamlLocations locations) {
        Position first = top.keys.putIfAbsent(name, at);
        top.pendingKey = name;
        top.pendingDiscard = first != null;
        if (first != null) {
            // The first occurrence wins so the positions recorded for it stay right.
            problems.at(at, "duplicate key '" + name + "' in " + Paths.label(top.path) + " (first at line " + first.line() + ")");
        } else if (!top.discard) {
            locations.key(Paths.child(top.path, name), at);
        }
    }

    private static String nextPath(Frame top) {
        return top.node instanceof ArrayNode a ? Paths.child(top.path, a.size()) : Paths.child(top.path, top.pendingKey);
    }

    private static void attach(Frame top, JsonNode node) {
        if (top == null) {
            return;
        }
        if (top.node instanceof ArrayNode a) {
            a.add(node);
        } else {
            ((ObjectNode) top.node).set(top.pendingKey, node);
        }
    }

    private static JsonNode node(JsonToken t, YAMLParser p, Position at, Problems problems) throws IOException {
        return switch (t) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> new YamlBoolean(t == JsonToken.VALUE_TRUE, p.getText());
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                problems.at(at, "unsupported YAML value (tags such as !!binary are not allowed)");
                yield NODES.nullNode();
            }
        };
    }

    private static void syntaxError(JsonProcessingException e, Problems problems) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : m.getContext() + ": ";
                problems.at(new Position(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1),
                        "YAML syntax error: " + context + m.getProblem());
                return;
            }
        }
        JsonLocation loc = e.getLocation();
        String message = "YAML error: " + e.getOriginalMessage().lines().findFirst().orElse("");
        if (loc != null && loc.getLineNr() > 0) {
            problems.at(position(loc), message);
        } else {
            problems.whole(message);
        }
    }

    private static Position position(JsonLocation loc) {
        return new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
