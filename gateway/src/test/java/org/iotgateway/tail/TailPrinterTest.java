package org.iotgateway.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TailPrinter printer = new TailPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private static String aggregate(long seq, long boot) {
        return "{\"seq\":" + seq + ",\"gateway\":\"gw\",\"boot\":" + boot + ",\"sensor\":\"env-1\",\"channel\":\"temperature\","
                + "\"unit\":\"°C\",\"start\":\"2026-11-24T05:00:00.000Z\",\"end\":\"2026-11-24T05:00:05.000Z\","
                + "\"count\":5,\"min\":21.1,\"max\":22.0,\"mean\":21.53,\"last\":null}";
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void receive(String payload) {
        printer.print("sensors/gw/env-1/temperature", payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAggregateIsOneReadableLine() {
        receive(aggregate(7, 1));
        assertThat(lines()).containsExactly(
                "2026-11-24T05:00:05.000Z  gw  env-1/temperature  min=21.1 max=22.0 mean=21.53 last=null n=5 °C  seq=7");
        assertThat(printer.aggregates()).isEqualTo(1);
    }

    @Test
    void aCheckProbeIsNamedAndCountsAsNothing() {
        printer.print("sensors/gw/env-1/temperature", org.iotgateway.check.ProbePayload.of("gw", "n1"));
        assertThat(lines()).containsExactly(
                "   sensors/gw/env-1/temperature: probe from iot-gateway check (gw), ignored");
        assertThat(printer.aggregates()).isZero();
    }

    @Test
    void gapsDuplicatesLateSeqsAndRestartsAreFlaggedUnderTheAggregate() {
        for (String p : List.of(aggregate(1, 1), aggregate(2, 1), aggregate(5, 2), aggregate(4, 2), aggregate(2, 1))) {
            receive(p);
        }
        assertThat(lines()).filteredOn(l -> !l.startsWith("2026")).containsExactly(
                "-- BOOT gw: boot 1 -> 2 (the gateway restarted)",
                "!! GAP gw: seqs 3..4 missing (2)",
                "!! LATE gw: seq 4 arrived after higher ones (no longer missing)",
                "!! DUPLICATE gw: seq 2 again (a resend; dedup on seq)");
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printer.printSummary(new PrintStream(summary, true, StandardCharsets.UTF_8));
        assertThat(summary.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("gw: 5 aggregates received, 1 gaps (1 seqs still missing), 1 duplicates, 1 late");
    }

    @Test
    void aGapAfterTheSubscribersOwnReconnectSaysSo() {
        receive(aggregate(1, 1));
        printer.subscriberReconnected();
        receive(aggregate(9, 1));
        receive(aggregate(12, 1));
        assertThat(lines()).filteredOn(l -> l.startsWith("!!")).containsExactly(
                "!! GAP gw: seqs 2..8 missing (7); this subscriber was disconnected meanwhile",
                "!! GAP gw: seqs 10..11 missing (2)");
    }

    @Test
    void statusMessagesAndOtherPayloadsGetTheirOwnLines() {
        printer.print("sensors/gw/status", ("{\"state\":\"online\",\"kind\":\"birth\",\"gateway\":\"gw\","
                + "\"at\":\"2026-11-24T05:00:00.000Z\",\"uptime-s\":3,\"stream\":{\"offered\":10,\"dropped\":1,"
                + "\"rejected\":2,\"late\":0},\"outbox\":{\"depth\":4}}").getBytes(StandardCharsets.UTF_8));
        printer.print("sensors/gw/status", "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8));
        printer.print("sensors/x", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(lines()).containsExactly(
                "2026-11-24T05:00:00.000Z  gw  status online (birth) up 3 s, outbox 4 owed, readings: 1 dropped 2 rejected 0 late",
                "?  ?  status offline",
                "?? sensors/x: not an aggregate: hello");
        assertThat(printer.aggregates()).isZero();
    }
}
