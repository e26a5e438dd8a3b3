package org.iotgateway.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.filter.FilterCatalog;
import org.iotgateway.stream.filter.FilterType;

/**
 * Generates the config reference: the key tables (key, type, default, range or values, meaning)
 * from the same records, Javadoc and constructors as the JSON Schema ({@link ConfigSchema}). The
 * tables are regions of the Markdown pages ({@code GeneratedRegions}): {@code keys} (every
 * section of the file, sensors and channels), {@code filters}, {@code aggregates}, and one
 * {@code driver-NAME} per driver. Links between regions are made relative to the page each one is
 * in. Run by {@link ConfigReferenceTest}, which fails while a committed region differs.
 */
final class ConfigReference {
    static final String KEYS = "keys";
    static final String FILTERS = "filters";
    static final String AGGREGATES = "aggregates";
    /** Where a driver's region goes when its page has none yet. */
    static final Path DRIVERS_PAGE = Path.of("drivers/README.md");

    private final Map<String, Path> pages;
    private final Path page;

    /**
     * @param pages region name to the repository-relative page it is in (for links)
     * @param page the page being generated
     */
    ConfigReference(Map<String, Path> pages, Path page) {
        this.pages = pages;
        this.page = page;
    }

    static String driverRegion(String driver) {
        return "driver-" + driver;
    }

    /** Every region the reference has: a page that lacks one is incomplete. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of(KEYS, FILTERS, AGGREGATES));
        DriverCatalog.names().forEach(d -> names.add(driverRegion(d)));
        return names;
    }

    /** The region's text, between its markers. */
    String render(String name) {
        String body;
        if (name.equals(KEYS)) {
            body = keys();
        } else if (name.equals(FILTERS)) {
            body = filters();
        } else if (name.equals(AGGREGATES)) {
            body = aggregates();
        } else if (name.startsWith("driver-") && DriverCatalog.find(name.substring(7)).isPresent()) {
            body = driver(DriverCatalog.find(name.substring(7)).orElseThrow());
        } else {
            throw new IllegalArgumentException("no generated region named '" + name + "'; known: " + names());
        }
        return "\n" + body.strip() + "\n\n";
    }

    private String keys() {
        StringBuilder out = new StringBuilder("### Top level\n\n");
        List<KeyRow> top = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (RecordComponent c : GatewayConfig.class.getRecordComponents()) {
            String key = RecordBinder.key(c);
            KeyRow row = KeyRow.of(key, GatewayConfig.class, c);
            if (ConfigRecords.recordOf(c.getGenericType()) != null) {
                row = row.withKey("[`" + key + "`](#" + key + ")");
                sections.add(key);
            }
            top.add(row);
        }
        out.append(KeyRow.table(top));
        for (RecordComponent c : GatewayConfig.class.getRecordComponents()) {
            String key = RecordBinder.key(c);
            if (!sections.contains(key) || key.equals("sensors")) {
                continue;
            }
            List<KeyRow> rows = new ArrayList<>();
            flatten(key + ".", ConfigRecords.recordOf(c.getGenericType()), rows);
            out.append("\n### ").append(key).append("\n\n").append(KeyRow.table(rows));
        }
        out.append("\n### sensors\n\n").append(KeyRow.table(sensorRows()));
        out.append("\n### channels\n\n").append(KeyRow.table(channelRows()));
        return out.toString();
    }

    private List<KeyRow> sensorRows() {
        String drivers = StreamSupport.stream(DriverCatalog.names().spliterator(), false)
                .map(d -> "[`" + d + "`](" + link(driverRegion(d), "driver-" + d) + ")")
                .collect(Collectors.joining(", "));
        List<KeyRow> rows = new ArrayList<>();
        for (RecordComponent c : SensorConfig.class.getRecordComponents()) {
            String key = RecordBinder.key(c);
            KeyRow row = KeyRow.of("sensors[]." + key, SensorConfig.class, c);
            rows.add(switch (key) {
                case "driver" -> row.withType("one of").withRange(drivers);
                case "params" -> row.withMeaning(row.meaning() + " See [Drivers](" + link(null, null) + ").");
                case "channels" -> row.withMeaning(row.meaning() + " See [channels](#channels).");
                default -> row;
            });
        }
        return rows;
    }

    private List<KeyRow> channelRows() {
        List<KeyRow> rows = new ArrayList<>();
        for (RecordComponent c : ChannelConfig.class.getRecordComponents()) {
            String key = RecordBinder.key(c);
            KeyRow row = KeyRow.of("sensors[].channels[]." + key, ChannelConfig.class, c);
            rows.add(switch (key) {
                case "window" -> row.withType("duration or `none`");
                case "filters" -> row.withMeaning(row.meaning() + " See [Filters](" + link(FILTERS, "filters") + ").");
                case "aggregates" -> row.withMeaning(row.meaning() + " See [Aggregates](" + link(AGGREGATES, "aggregates") + ").");
                case "params" -> row.withMeaning(row.meaning() + " See [Drivers](" + link(null, null) + ").");
                default -> row;
            });
        }
        return rows;
    }

    /** The rows of a record's keys under {@code prefix}, a nested record's keys after its own row. */
    private static void flatten(String prefix, Class<? extends Record> type, List<KeyRow> rows) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + RecordBinder.key(c);
            rows.add(KeyRow.of(key, type, c));
            Class<? extends Record> nested = ConfigRecords.recordOf(c.getGenericType());
            if (nested != null) {
                flatten(key + ".", nested, rows);
            }
        }
    }

    private String driver(DriverType<?, ?> type) {
        List<KeyRow> rows = new ArrayList<>();
        flatten("sensors[].params.", type.sensorParams(), rows);
        flatten("channels[].params.", type.channelParams(), rows);
        return rows.isEmpty() ? "This driver takes no `params`." : KeyRow.table(rows);
    }

    private static String filters() {
        StringBuilder out = new StringBuilder();
        for (String name : FilterCatalog.names()) {
            FilterType<?> type = FilterCatalog.find(name).orElseThrow();
            List<KeyRow> rows = new ArrayList<>();
            flatten("", type.params(), rows);
            out.append("### Filter `").append(name).append("`\n\n");
            String lead = RecordJavadoc.of(type.params()).lead();
            if (!lead.isEmpty()) {
                out.append(KeyRow.sentence(lead)).append("\n\n");
            }
            out.append(rows.isEmpty() ? "It takes no keys besides `type`.\n" : KeyRow.table(rows)).append('\n');
        }
        return out.toString();
    }

    private static String aggregates() {
        Map<String, String> docs = EnumJavadoc.of(AggregateKind.class);
        StringBuilder out = new StringBuilder("| Key | Definition |\n|---|---|\n");
        for (AggregateKind k : AggregateKind.values()) {
            String doc = docs.get(k.key());
            if (doc == null) {
                throw new IllegalStateException("AggregateKind." + k + " has no Javadoc: it is the aggregate's definition in the docs");
            }
            out.append("| `").append(k.key()).append("` | ").append(KeyRow.sentence(doc).replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** A link from this page to {@code anchor} in the page of {@code region}; null region: the drivers page. */
    private String link(String region, String anchor) {
        Path target = region == null ? DRIVERS_PAGE : pages.getOrDefault(region, region.startsWith("driver-") ? DRIVERS_PAGE : page);
        String file = target.equals(page) ? "" : relative(target);
        return anchor == null ? file : file + "#" + anchor;
    }

    private String relative(Path target) {
        Path from = page.getParent() == null ? Path.of("") : page.getParent();
        return from.relativize(target).toString().replace('\\', '/');
    }
}
