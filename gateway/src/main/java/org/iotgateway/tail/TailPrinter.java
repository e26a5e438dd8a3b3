package org.iotgateway.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a subscriber receives into readable lines: one per aggregate (window end, gateway,
 * sensor/channel, values, unit, seq), one per status message, and a flagged line for every gap,
 * duplicate, late seq and gateway restart that {@link SeqTracker} finds. One thread calls it.
 */
public final class TailPrinter {
    /** Payload keys that are not values: everything else after these is an aggregate. */
    private static final Set<String> NOT_VALUES = Set.of("seq", "gateway", "boot", "sensor", "channel", "unit",
            "start", "end", "count", "clock");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final SeqTracker seqs = new SeqTracker();
    private final Set<String> awayGateways = new HashSet<>();
    private long aggregates;

    public TailPrinter(PrintStream out) {
        this.out = out;
    }

    /** One received message: an aggregate, a status message, or anything else (shown as such). */
    public void print(String topic, byte[] payload) {
        JsonNode m;
        try {
            m = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            m = null;
        }
        if (m != null && m.isObject() && m.path("seq").canConvertToLong() && m.path("gateway").isTextual()) {
            aggregate(m);
            return;
        }
        if (m != null && m.isObject() && m.path("state").isTextual()) {
            status(m);
        } else if (m != null && m.isObject() && m.path("probe").isTextual()) {
            // iot-gateway check proving publish permission: no seq, not a gap, not an aggregate.
            out.println("   " + topic + ": probe from " + m.path("probe").asText() + " (" + m.path("gateway").asText("?")
                    + "), ignored");
        } else {
            String text = new String(payload, StandardCharsets.UTF_8);
            String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
            out.println("?? " + topic + ": not an aggregate: " + shown);
        }
    }

    /**
     * The subscriber's own connection came back: whatever was published meanwhile was not seen by it
     * (a clean session), so the next gap may be its own, not the gateway's.
     */
    public void subscriberReconnected() {
        out.println("-- tail reconnected to the broker: aggregates published meanwhile were not seen here");
        awayGateways.addAll(seqs.totals().keySet());
    }

    public long aggregates() {
        return aggregates;
    }

    /** Per gateway: received, gaps, duplicates, late, still missing. */
    public void printSummary(PrintStream to) {
        seqs.totals().forEach((g, t) -> to.printf("%s: %d aggregates received, %d gaps (%d seqs still missing), "
                + "%d duplicates, %d late%n", g, t.received(), t.gaps(), t.missing(), t.duplicates(), t.late()));
    }

    private void aggregate(JsonNode m) {
        aggregates++;
        String gateway = m.get("gateway").asText();
        long seq = m.get("seq").asLong();
        long boot = m.path("boot").asLong(-1);
        StringBuilder line = new StringBuilder(120).append(m.path("end").asText("?")).append("  ").append(gateway)
                .append("  ").append(m.path("sensor").asText("?")).append('/').append(m.path("channel").asText("?"))
                .append(' ');
        Iterator<Map.Entry<String, JsonNode>> fields = m.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!NOT_VALUES.contains(f.getKey())) {
                line.append(' ').append(f.getKey()).append('=').append(f.getValue().asText());
            }
        }
        if (m.has("count")) {
            line.append(" n=").append(m.get("count").asText());
        }
        String unit = m.path("unit").asText("");
        if (!unit.isEmpty()) {
            line.append(' ').append(unit);
        }
        if (m.has("clock")) {
            line.append(" clock=").append(m.get("clock").asText());
        }
        out.println(line.append("  seq=").append(seq));
        flag(gateway, boot, seq, seqs.accept(gateway, boot, seq));
    }

    private void flag(String gateway, long boot, long seq, SeqTracker.Verdict v) {
        if (v.newBoot()) {
            out.println("-- BOOT " + gateway + ": boot " + v.previousBoot() + " -> " + boot
                    + " (the gateway restarted)");
        }
        switch (v.kind()) {
            case GAP -> {
                long n = v.missingTo() - v.missingFrom() + 1;
                String range = n == 1 ? "seq " + v.missingFrom() : "seqs " + v.missingFrom() + ".." + v.missingTo();
                out.println("!! GAP " + gateway + ": " + range + " missing (" + n + ")"
                        + (awayGateways.remove(gateway) ? "; this subscriber was disconnected meanwhile" : ""));
            }
            case DUPLICATE -> out.println("!! DUPLICATE " + gateway + ": seq " + seq
                    + " again (a resend; dedup on seq)");
            case LATE -> out.println("!! LATE " + gateway + ": seq " + seq
                    + " arrived after higher ones (no longer missing)");
            default -> awayGateways.remove(gateway);
        }
    }

    private void status(JsonNode m) {
        StringBuilder line = new StringBuilder(120).append(m.path("at").asText(m.path("since").asText("?")))
                .append("  ").append(m.path("gateway").asText("?")).append("  status ").append(m.get("state").asText());
        if (m.has("kind")) {
            line.append(" (").append(m.get("kind").asText()).append(')');
        }
        if (m.has("uptime-s")) {
            line.append(" up ").append(m.get("uptime-s").asLong()).append(" s");
        }
        JsonNode outbox = m.path("outbox");
        if (outbox.has("depth")) {
            line.append(", outbox ").append(outbox.get("depth").asLong()).append(" owed");
        }
        JsonNode stream = m.path("stream");
        if (stream.has("offered")) {
            line.append(", readings: ").append(stream.get("dropped").asLong()).append(" dropped ")
                    .append(stream.get("rejected").asLong()).append(" rejected ")
                    .append(stream.get("late").asLong()).append(" late");
        }
        out.println(line);
    }
}
