package org.iotgateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateways' answers to one {@code config push}, and the table it prints: one line per gateway,
 * in {@code --to} order. Answers for another version or gateway (older pushes, other pushers) are
 * ignored; the last answer of each gateway counts, {@code accepted} being only a step on the way.
 * Thread-safe: answers arrive on the MQTT callback thread, the main thread waits and prints.
 */
final class PushAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("applied", "refused", "rolled-back");

    private final long version;
    private final Map<String, JsonNode> last = new LinkedHashMap<>();
    private final Map<String, String> notSent = new LinkedHashMap<>();

    PushAnswers(long version, List<String> gateways) {
        this.version = version;
        gateways.forEach(g -> last.put(g, null));
    }

    /** The callback thread: a message from a result topic. */
    synchronized void offer(byte[] payload) {
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (IOException e) {
            return;
        }
        String gateway = n == null ? null : n.path("gateway").asText(null);
        if (gateway == null || !last.containsKey(gateway) || n.path("version").asLong(-1) != version) {
            return;
        }
        JsonNode before = last.get(gateway);
        if (before == null || !isFinal(before)) {
            last.put(gateway, n);
            notifyAll();
        }
    }

    /** The envelope never reached the broker for {@code gateway} (refused, or the connection went). */
    synchronized void notSent(String gateway, String why) {
        notSent.put(gateway, why);
        notifyAll();
    }

    /** Waits until every gateway answered for good, or {@code millis} passed. */
    synchronized void await(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (long left = millis; !complete() && left > 0; left = end - System.currentTimeMillis()) {
            wait(left);
        }
    }

    private boolean complete() {
        return last.entrySet().stream().allMatch(e -> notSent.containsKey(e.getKey())
                || e.getValue() != null && isFinal(e.getValue()));
    }

    /** 0 when every gateway applied it, else 1. */
    synchronized int exitStatus() {
        return notSent.isEmpty() && last.values().stream().allMatch(n -> n != null
                && n.path("status").asText().equals("applied")) ? 0 : 1;
    }

    /** The table: one line per gateway (an invalid config's problems indented below it). */
    synchronized String table(long waitedSeconds) {
        int width = last.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        last.forEach((gateway, n) -> {
            out.append(String.format("%-" + width + "s  ", gateway));
            if (notSent.containsKey(gateway)) {
                out.append(String.format("%-11s  %s%n", "not sent", notSent.get(gateway)));
            } else if (n == null) {
                out.append(String.format("%-11s  within %d s%n", "no answer", waitedSeconds));
            } else {
                line(out, n, waitedSeconds);
            }
        });
        return out.toString();
    }

    private void line(StringBuilder out, JsonNode n, long waitedSeconds) {
        String status = n.path("status").asText();
        String running = "running version " + n.path("running-version").asLong() + ", config " + n.path("config")
                .asText();
        switch (status) {
            case "applied" -> out.append(String.format("%-11s  %s%n", status, running));
            case "refused" -> {
                out.append(String.format("%-11s  %s: %s%n", status, n.path("reason").asText(), n.path("detail").asText()));
                n.path("problems").forEach(p -> out.append("    ").append(p.asText()).append('\n'));
            }
            case "rolled-back" -> out.append(String.format("%-11s  %s; %s%n", status, n.path("detail").asText(), running));
            default -> out.append(String.format("%-11s  %s, then no answer within %d s%n", status,
                    n.path("detail").asText(), waitedSeconds));
        }
    }

    private static boolean isFinal(JsonNode n) {
        return FINAL.contains(n.path("status").asText());
    }
}
