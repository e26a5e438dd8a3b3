package org.iotgateway.wire;

import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.AggregateKind;

/**
 * Renders the wire contract's JSON payload (ARCHITECTURE.md): seq, gateway, sensor, channel, unit,
 * start, end, then one key per configured aggregate, in config order; then {@code "clock":"unsynced"}
 * when a reading in the window was taken while the system clock was not synchronised.
 */
public final class AggregatePayload {
    private AggregatePayload() {
    }

    public static String render(long seq, String gateway, Aggregate a) {
        return render(seq, gateway, -1, a);
    }

    /**
     * @param boot the outbox's boot number, after "gateway" (what the MQTT path sends: with seq it
     *             tells a subscriber which run produced an aggregate); negative leaves it out (replay)
     */
    public static String render(long seq, String gateway, long boot, Aggregate a) {
        StringBuilder b = new StringBuilder(200);
        b.append("{\"seq\":").append(seq);
        string(b.append(",\"gateway\":"), gateway);
        if (boot >= 0) {
            b.append(",\"boot\":").append(boot);
        }
        string(b.append(",\"sensor\":"), a.channel().sensor());
        string(b.append(",\"channel\":"), a.channel().channel());
        string(b.append(",\"unit\":"), a.channel().unit());
        IsoMillis.append(b.append(",\"start\":\""), a.start());
        IsoMillis.append(b.append("\",\"end\":\""), a.end());
        b.append('"');
        for (AggregateKind k : a.channel().aggregates()) {
            b.append(",\"").append(k.key()).append("\":");
            if (k == AggregateKind.COUNT) {
                b.append(a.count());
            } else {
                number(b, a.value(k));
            }
        }
        if (a.clockUnsynced()) {
            // Only when it applies, so synchronised payloads keep the documented shape.
            b.append(",\"clock\":\"unsynced\"");
        }
        return b.append('}').toString();
    }

    /** ISO-8601 UTC with milliseconds, as every time in the payloads: {@code 2026-11-24T05:00:00.000Z}. */
    public static String iso(long epochMillis) {
        StringBuilder b = new StringBuilder(24);
        IsoMillis.append(b, epochMillis);
        return b.toString();
    }

    /** JSON has no NaN or infinity: such values (an empty window's min) are written as null. */
    static void number(StringBuilder b, double v) {
        if (!Double.isFinite(v)) {
            b.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            b.append((long) v).append(".0");
        } else {
            b.append(v);
        }
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
