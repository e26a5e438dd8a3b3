package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.stream.filter.FilterCatalog;
import org.iotgateway.stream.filter.FilterType;

/**
 * Generates config/schema/gateway.schema.json (JSON Schema draft-07, what the VS Code YAML
 * extension understands) from the config records, walking them as {@link RecordBinder} binds
 * them: kebab-case keys, closed mappings, scalars as {@link ScalarConverter} reads them (including
 * {@code ${VAR}} text), a single value in place of a list, a sensor's and a channel's
 * {@code params} typed by the sensor's driver ({@code if}/{@code then} on {@code driver}), filter
 * items typed by their {@code type}, and {@code window: none}. Descriptions come from the records'
 * Javadoc ({@link RecordJavadoc}); required keys and defaults from their constructors
 * ({@link RecordProbe}). Ranges and cross-key rules stay with {@code iot-gateway validate}.
 * Run by {@link ConfigSchemaTest}, which fails while the committed file differs.
 */
final class ConfigSchema {
    static final Path FILE = RecordJavadoc.REPO.resolve("config/schema/gateway.schema.json");
    static final String REGENERATE = "mvn -B test -pl gateway -am -Dtest=ConfigSchemaTest,ConfigReferenceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConfigSchema() {
    }

    static ObjectNode generate() {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$comment", "Generated from the config records by ConfigSchemaTest; do not edit. Regenerate: "
                + REGENERATE);
        schema.put("title", "iot-gateway configuration");
        ObjectNode root = record(GatewayConfig.class, Map.of("sensors", list(ref("sensor"))));
        root.put("description", "The gateway's YAML config; check it with `iot-gateway validate --config FILE`.");
        schema.setAll(root);
        ObjectNode defs = schema.putObject("definitions");
        defs.set("sensor", sensor(defs));
        defs.set("channel", record(ChannelConfig.class, Map.of(
                "window", anyOf(ref("duration"), JSON.objectNode().put("const", "none"), ref("env-var")),
                "params", JSON.objectNode().put("type", "object"),
                "filters", list(ref("filter")))));
        defs.set("filter", filter(defs));
        SchemaScalars.define(defs);
        return schema;
    }

    private static ObjectNode sensor(ObjectNode defs) {
        ArrayNode names = JSON.arrayNode();
        DriverCatalog.names().forEach(names::add);
        ObjectNode sensor = record(SensorConfig.class, Map.of(
                "driver", JSON.objectNode().set("enum", names),
                "params", JSON.objectNode().put("type", "object"),
                "channels", list(ref("channel"))));
        ArrayNode branches = sensor.putArray("allOf");
        for (String name : DriverCatalog.names()) {
            DriverType<?, ?> type = DriverCatalog.find(name).orElseThrow();
            defs.set(name + "-params", record(type.sensorParams(), Map.of()));
            defs.set(name + "-channel-params", record(type.channelParams(), Map.of()));
            ObjectNode channelParams = JSON.objectNode();
            channelParams.putObject("properties").set("params", ref(name + "-channel-params"));
            // No "type": items applies to the list form, properties to a single channel.
            ObjectNode channels = JSON.objectNode();
            channels.set("items", channelParams);
            channels.setAll(channelParams.deepCopy());
            ObjectNode then = JSON.objectNode();
            then.putObject("properties").<ObjectNode>set("params", ref(name + "-params")).set("channels", channels);
            branches.add(when("driver", name, then));
        }
        return sensor;
    }

    private static ObjectNode filter(ObjectNode defs) {
        ArrayNode names = JSON.arrayNode();
        FilterCatalog.names().forEach(names::add);
        ObjectNode filter = JSON.objectNode();
        filter.put("description", RecordJavadoc.of(FilterConfig.class).lead());
        filter.put("type", "object");
        filter.putArray("required").add("type");
        ObjectNode type = filter.putObject("properties").putObject("type");
        type.put("description", RecordJavadoc.of(FilterConfig.class).params().get("type"));
        type.set("enum", names);
        ArrayNode branches = filter.putArray("allOf");
        for (String name : FilterCatalog.names()) {
            FilterType<?> t = FilterCatalog.find(name).orElseThrow();
            ObjectNode params = record(t.params(), Map.of());
            // FilterBinder binds every key but 'type' into the filter's record: 'type' goes first.
            ObjectNode props = JSON.objectNode();
            props.putObject("type").put("const", name);
            props.setAll((ObjectNode) params.path("properties"));
            params.set("properties", props);
            defs.set(name + "-filter", params);
            branches.add(when("type", name, ref(name + "-filter")));
        }
        return filter;
    }

    /** A closed mapping of a record's components; {@code special} replaces the schema of some keys. */
    static ObjectNode record(Class<? extends Record> type, Map<String, JsonNode> special) {
        RecordJavadoc doc = RecordJavadoc.of(type);
        RecordProbe probe = RecordProbe.of(type);
        ObjectNode out = JSON.objectNode();
        if (!doc.lead().isEmpty()) {
            out.put("description", doc.lead());
        }
        out.put("type", "object");
        out.put("additionalProperties", false);
        if (!probe.required().isEmpty()) {
            ArrayNode required = out.putArray("required");
            probe.required().forEach(required::add);
        }
        if (!probe.oneOf().isEmpty()) {
            ArrayNode anyOf = out.putArray("anyOf");
            probe.oneOf().forEach(k -> anyOf.addObject().putArray("required").add(k));
        }
        ObjectNode props = out.putObject("properties");
        for (RecordComponent c : type.getRecordComponents()) {
            String key = RecordBinder.key(c);
            JsonNode value = special.containsKey(key) ? special.get(key).deepCopy() : value(c.getGenericType());
            ObjectNode prop = JSON.objectNode();
            String text = doc.params().get(c.getName());
            if (text != null) {
                prop.put("description", text);
            }
            if (text != null && text.matches("(?s).*\\bdefault\\b(?!:).*") && probe.minimal() != null) {
                JsonNode dflt = SchemaScalars.yaml(component(probe.minimal(), c));
                if (dflt != null) {
                    prop.set("default", dflt);
                }
            }
            prop.setAll((ObjectNode) value);
            props.set(key, prop);
        }
        return out;
    }

    private static JsonNode value(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == java.util.List.class) {
            return list(value(p.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> c && ScalarConverter.supports(c)) {
            return SchemaScalars.of(c);
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return record(c.asSubclass(Record.class), Map.of());
        }
        throw new IllegalStateException("no schema for config values of type " + type);
    }

    /** A list, or (as the binder allows) a single item standing for a list of one. */
    private static ObjectNode list(JsonNode item) {
        ObjectNode array = JSON.objectNode().put("type", "array");
        array.set("items", item);
        return anyOf(array, item.deepCopy());
    }

    private static ObjectNode anyOf(JsonNode... branches) {
        ObjectNode out = JSON.objectNode();
        ArrayNode any = out.putArray("anyOf");
        for (JsonNode b : branches) {
            any.add(b);
        }
        return out;
    }

    static ObjectNode ref(String definition) {
        return JSON.objectNode().put("$ref", "#/definitions/" + definition);
    }

    private static ObjectNode when(String key, String value, ObjectNode then) {
        ObjectNode branch = JSON.objectNode();
        ObjectNode cond = branch.putObject("if");
        cond.putObject("properties").putObject(key).put("const", value);
        cond.putArray("required").add(key);
        branch.set("then", then);
        return branch;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
