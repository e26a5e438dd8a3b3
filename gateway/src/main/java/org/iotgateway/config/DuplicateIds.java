package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that ids are unique where topics would otherwise collide: sensor ids in the file,
 * channel ids within a sensor. Reports the second occurrence with the line of the first. Works
 * on the tree, not the bound records, so it also runs when some other part failed to bind.
 * Used only by the loading thread.
 */
final class DuplicateIds {
    private DuplicateIds() {
    }

    static void check(JsonNode root, Problems problems) {
        JsonNode sensors = root.path("sensors");
        if (!sensors.isArray()) {
            return; // a single sensor written without the list has nothing to collide with
        }
        unique(sensors, "/sensors", "sensor id", "", problems);
        for (int i = 0; i < sensors.size(); i++) {
            JsonNode sensor = sensors.get(i);
            String in = sensor.path("id").isTextual() ? " in sensor '" + sensor.path("id").textValue() + "'" : "";
            unique(sensor.path("channels"), Paths.child(Paths.child("/sensors", i), "channels"), "channel id", in, problems);
        }
    }

    private static void unique(JsonNode list, String path, String what, String in, Problems problems) {
        if (!list.isArray()) {
            return;
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i).path("id");
            if (!id.isTextual()) {
                continue;
            }
            String at = Paths.child(Paths.child(path, i), "id");
            int line = problems.locations().valueOf(at).line();
            Integer first = firstLine.putIfAbsent(id.textValue(), line);
            if (first != null) {
                problems.atValue(at, "duplicate " + what + " '" + id.textValue() + "'" + in + " (first at line " + first + ")");
            }
        }
    }
}
