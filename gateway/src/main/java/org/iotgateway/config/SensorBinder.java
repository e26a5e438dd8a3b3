package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;

/**
 * Binds one sensor: looks its {@code driver} up in the {@link DriverCatalog}, then binds the
 * sensor's {@code params} into the driver's sensor record and each channel's {@code params} into
 * its channel record (an absent {@code params} binds from an empty mapping, so the record's
 * defaults apply). Used only by the loading thread.
 */
final class SensorBinder {
    private final RecordBinder binder;
    private final FilterBinder filters;
    private final Problems problems;

    SensorBinder(RecordBinder binder, Problems problems) {
        this.binder = binder;
        this.filters = new FilterBinder(binder, problems);
        this.problems = problems;
    }

    Object bind(JsonNode node, String path) {
        JsonNode driverNode = node.isObject() ? node.get("driver") : null;
        Optional<DriverType<?, ?>> type = driverNode == null || driverNode.isNull()
                ? Optional.empty() : Optional.ofNullable(driver(driverNode, Paths.child(path, "driver")));
        String label = type.map(t -> " (" + t.name() + " driver)").orElse("");
        // Without a known driver the params cannot be typed: leave them null and let the
        // driver's own problem (unknown, or the record's "'driver' is required") speak.
        RecordBinder.ValueBinder sensorParams = (n, at) -> type
                .map(t -> binder.bind(t.sensorParams(), orEmpty(n), at, Map.of(), RecordBinder.where(at) + label))
                .orElse(null);
        RecordBinder.ValueBinder channelParams = (n, at) -> type
                .map(t -> binder.bind(t.channelParams(), orEmpty(n), at, Map.of(), RecordBinder.where(at) + label))
                .orElse(null);
        RecordBinder.ValueBinder channel = (n, at) -> binder.bind(ChannelConfig.class, n, at,
                Map.of("params", channelParams, "filters", (f, fat) -> binder.list(f, fat, filters::bind),
                        "window", this::window),
                RecordBinder.where(at));
        return binder.bind(SensorConfig.class, node, path, Map.of(
                "driver", (n, at) -> n == null || n.isNull() ? null : type.<Object>map(DriverType::name).orElse(RecordBinder.FAILED),
                "params", sensorParams,
                "channels", (n, at) -> binder.list(n, at, channel)), RecordBinder.where(path));
    }

    /** A duration, or {@code none}: no window, each reading on its own (bound as zero). */
    private Object window(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() && node.textValue().equals("none") ? java.time.Duration.ZERO
                : binder.value(java.time.Duration.class, node, path);
    }

    private DriverType<?, ?> driver(JsonNode node, String path) {
        String name = node.isTextual() ? node.textValue() : null;
        DriverType<?, ?> type = name == null ? null : DriverCatalog.find(name).orElse(null);
        if (type == null) {
            String got = name == null ? Values.shown(path, node) : "'" + name + "'";
            String hint = name == null ? "; known drivers: " + String.join(", ", DriverCatalog.names())
                    : Suggestions.hint(name, DriverCatalog.names(), "known drivers");
            problems.atValue(path, "unknown driver " + got + hint);
        }
        return type;
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node == null || node.isNull() ? RecordBinder.emptyMapping() : node;
    }
}
