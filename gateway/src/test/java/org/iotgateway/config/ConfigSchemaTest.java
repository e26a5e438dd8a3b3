package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps config/schema/gateway.schema.json in step with what the loader accepts: the committed
 * file is what {@link ConfigSchema} generates from the records now, and at every mapping the
 * schema describes, the loader itself accepts exactly the schema's keys (asked by giving it an
 * unknown key there and reading the "valid keys are" of its answer).
 */
class ConfigSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String UNKNOWN = "zzzzzzzzzzzzzz";
    private static final Pattern VALID = Pattern.compile("unknown key '" + UNKNOWN + "' [^;]*; (?:valid keys are: (.*)|it takes no keys)");
    private static final String HOW = "The schema is generated from the config records (and the driver and filter catalogs) by "
            + "gateway/src/test/java/org/iotgateway/config/ConfigSchema.java. Regenerate it with:\n  " + ConfigSchema.REGENERATE
            + "\nand commit config/schema/gateway.schema.json. A key bound by special code (like SensorBinder's 'params') "
            + "needs the same special case in ConfigSchema.";

    @Test
    void theCommittedSchemaIsWhatTheRecordsGenerate() throws Exception {
        String generated = JSON.writeValueAsString(ConfigSchema.generate()) + "\n";
        if (Boolean.getBoolean("schema.update")) {
            Files.createDirectories(ConfigSchema.FILE.getParent());
            Files.writeString(ConfigSchema.FILE, generated);
            System.err.println("wrote " + ConfigSchema.FILE);
        }
        String committed = Files.exists(ConfigSchema.FILE) ? Files.readString(ConfigSchema.FILE) : "{}";
        if (!committed.equals(generated)) {
            fail("config/schema/gateway.schema.json is stale.\n" + keyDifferences(JSON.readTree(committed),
                    JSON.readTree(generated)) + HOW);
        }
    }

    @Test
    void atEveryMappingTheLoaderAcceptsExactlyTheSchemasKeys() throws Exception {
        Map<String, Set<String>> schema = SchemaKeys.of(JSON.readTree(Files.readString(ConfigSchema.FILE)));
        assertThat(schema).containsKeys("", "mqtt.tls", "sensors[]", "sensors[].channels[]",
                "sensors[]{driver=serial}.params", "sensors[]{driver=bme280}.channels[].params",
                "sensors[].channels[].filters[]{type=range}");
        List<String> wrong = new ArrayList<>();
        schema.forEach((at, keys) -> {
            Set<String> expected = new TreeSet<>(keys);
            if (at.endsWith("}") && at.contains("{type=")) {
                expected.remove("type"); // FilterBinder takes 'type' out before binding the rest
            }
            Set<String> accepted = loaderKeys(at);
            if (!accepted.equals(expected)) {
                wrong.add("at '" + (at.isEmpty() ? "the top level" : at) + "' the loader accepts " + accepted
                        + " but the schema has " + expected);
            }
        });
        assertThat(wrong).as(HOW).isEmpty();
    }

    /** Every sensor's and channel's params in the schema are typed per driver, filters per type. */
    @Test
    void driverAndFilterParamsAreTypedPerDriverAndPerFilter() throws Exception {
        Map<String, Set<String>> schema = SchemaKeys.of(JSON.readTree(Files.readString(ConfigSchema.FILE)));
        for (String driver : org.iotgateway.driver.DriverCatalog.names()) {
            assertThat(schema).containsKeys("sensors[]{driver=" + driver + "}.params",
                    "sensors[]{driver=" + driver + "}.channels[].params");
        }
        for (String filter : org.iotgateway.stream.filter.FilterCatalog.names()) {
            assertThat(schema).containsKey("sensors[].channels[].filters[]{type=" + filter + "}");
        }
    }

    /** The loader's own list of valid keys at a location, from a config with an unknown key there. */
    private static Set<String> loaderKeys(String at) {
        ObjectNode doc = (ObjectNode) parse("""
                gateway: {id: probe}
                sensors: [{id: s, driver: simulated, channels: [{id: c}]}]
                """);
        mapping(doc, at).put(UNKNOWN, 1);
        try {
            new ConfigLoader(name -> null).parse("probe.yaml", YAML.writeValueAsString(doc));
        } catch (ConfigException e) {
            for (Problem p : e.problems()) {
                Matcher m = VALID.matcher(p.message());
                if (m.matches()) {
                    return m.group(1) == null ? Set.of() : new TreeSet<>(Arrays.asList(m.group(1).split(", ")));
                }
            }
            throw new AssertionError("no unknown-key message for '" + at + "': " + e.problems());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the loader took an unknown key at '" + at + "'");
    }

    /** The mapping at a {@link SchemaKeys} location, created as needed ({@code {k=v}} sets key k to v). */
    private static ObjectNode mapping(ObjectNode doc, String at) {
        ObjectNode node = doc;
        if (at.isEmpty()) {
            return node;
        }
        for (String segment : at.split("\\.(?![^{]*})")) {
            Matcher m = Pattern.compile("([^\\[{]+)(\\[])?(?:\\{(.+)=(.+)})?").matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException(segment);
            }
            String key = m.group(1);
            if (m.group(2) != null) {
                JsonNode list = node.get(key);
                ArrayNode array = list instanceof ArrayNode a ? a : node.putArray(key);
                if (array.isEmpty()) {
                    array.addObject();
                }
                node = (ObjectNode) array.get(0);
            } else {
                node = node.get(key) instanceof ObjectNode o ? o : node.putObject(key);
            }
            if (m.group(3) != null) {
                node.put(m.group(3), m.group(4));
            }
        }
        return node;
    }

    /** Which keys one schema has that the other lacks, location by location. */
    static String keyDifferences(JsonNode committed, JsonNode generated) {
        Map<String, Set<String>> old = SchemaKeys.of(committed);
        Map<String, Set<String>> now = SchemaKeys.of(generated);
        StringBuilder out = new StringBuilder();
        Set<String> locations = new TreeSet<>(now.keySet());
        locations.addAll(old.keySet());
        for (String at : locations) {
            Set<String> missing = new TreeSet<>(now.getOrDefault(at, Set.of()));
            missing.removeAll(old.getOrDefault(at, Set.of()));
            Set<String> extra = new TreeSet<>(old.getOrDefault(at, Set.of()));
            extra.removeAll(now.getOrDefault(at, Set.of()));
            String where = at.isEmpty() ? "the top level" : "'" + at + "'";
            if (!missing.isEmpty()) {
                out.append("  missing at ").append(where).append(": ").append(missing).append('\n');
            }
            if (!extra.isEmpty()) {
                out.append("  no longer in the records at ").append(where).append(": ").append(extra).append('\n');
            }
        }
        return out.length() == 0 ? "Same keys; descriptions, defaults or types differ.\n" : "Keys:\n" + out;
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
