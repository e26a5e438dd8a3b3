package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clock jumps and synchronisation with injected clocks and a temporary systemd-like directory. */
class ClockWatchTest {
    @TempDir
    Path dir;
    long wall = 1_000_000;
    long mono = 5_000_000_000L;
    final List<Aggregate> out = new ArrayList<>();

    ClockWatch watch(Path syncFile) {
        return new ClockWatch(() -> wall, () -> mono, syncFile);
    }

    void advance(long wallMillis, long monoMillis) {
        wall += wallMillis;
        mono += monoMillis * 1_000_000;
    }

    WindowEngine engine() {
        ChannelInfo info = new ChannelInfo(0, "s", "c", "", 1000, List.of(AggregateKind.COUNT));
        return new WindowEngine(List.of(info), List.<Filter[]>of(new Filter[0]), 2, out::add);
    }

    @Test
    void normalTicksAndSmallDriftAreNoJump() {
        ClockWatch w = watch(dir.resolve("timesync/synchronized"));
        advance(100, 100);
        assertThat(w.check()).isZero();
        advance(1_100, 200); // 900 ms drift: under the threshold
        assertThat(w.check()).isZero();
        assertThat(w.jumps()).isZero();
    }

    @Test
    void aForwardJumpClosesOpenWindowsAndLaterReadingsAggregateNormally() {
        ClockWatch w = watch(dir.resolve("timesync/synchronized"));
        WindowEngine e = engine();
        e.onReading(0, wall, 1);
        advance(100, 100);
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).isEmpty();
        advance(3_600_000, 100); // NTP sets the clock an hour forward
        StreamConsumer.onTick(e, w, 500);
        assertThat(w.jumps()).isEqualTo(1);
        assertThat(out).hasSize(1);
        e.onReading(0, wall, 2);
        advance(2_000, 2_000);
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).hasSize(2);
        assertThat(e.counts(0).late()).isZero();
    }

    @Test
    void aBackwardJumpClosesOpenWindowsAndRestartsTheWatermarkSoNewReadingsAreNotLate() {
        ClockWatch w = watch(dir.resolve("timesync/synchronized"));
        WindowEngine e = engine();
        advance(100, 100);
        StreamConsumer.onTick(e, w, 500);
        e.onReading(0, wall, 1);
        advance(-600_000, 100); // ten minutes back
        StreamConsumer.onTick(e, w, 500);
        assertThat(w.jumps()).isEqualTo(1);
        assertThat(out).as("the open window closed at the jump").hasSize(1);
        e.onReading(0, wall, 2);
        assertThat(e.counts(0).late()).as("stamped with the corrected time: not late").isZero();
        advance(2_000, 2_000);
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).hasSize(2);
        assertThat(out.get(1).start()).isLessThan(out.get(0).start());
    }

    @Test
    void aConsumerWokenByAReadingAfterTheClockWentBackRestartsItsWindowsBeforeTakingIt() {
        ClockWatch w = watch(dir.resolve("timesync/synchronized"));
        WindowEngine e = engine();
        e.onReading(0, wall, 1);
        advance(5_000, 5_000);
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).hasSize(1);
        // Asleep; the clock goes an hour back; a reading stamped on the new time wakes the consumer.
        advance(-3_600_000, 300);
        StreamConsumer.onWake(e, w, 500);
        e.onReading(0, wall, 2);
        assertThat(e.counts(0).late()).as("its window is open: the wake-up saw the jump first").isZero();
        advance(2_000, 2_000);
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).hasSize(2);
        assertThat(out.get(1).start()).isEqualTo(Math.floorDiv(wall - 2_000, 1000) * 1000);
    }

    @Test
    void withoutAJumpAWakeUpLeavesTheWatermarkForTheReadingsThatWokeTheConsumer() {
        ClockWatch w = watch(dir.resolve("timesync/synchronized"));
        WindowEngine e = engine();
        StreamConsumer.onTick(e, w, 500);
        long ts = wall + 900; // the last ms of its window, stamped just before the window was due
        advance(1_500, 1_500); // and the consumer woke only now: the window [.., +1000) is due
        StreamConsumer.onWake(e, w, 500);
        e.onReading(0, ts, 1);
        assertThat(e.counts(0).late()).isZero();
        StreamConsumer.onTick(e, w, 500);
        assertThat(out).hasSize(1);
    }

    @Test
    void unsynchronisedWhileTheSystemdDirectoryExistsWithoutTheFlagFile() throws Exception {
        Path timesync = Files.createDirectories(dir.resolve("timesync"));
        Path flag = timesync.resolve("synchronized");
        ClockWatch w = watch(flag);
        assertThat(w.unsynced()).isTrue();
        WindowEngine e = engine();
        StreamConsumer.onTick(e, w, 500);
        e.onReading(0, wall, 1);
        Files.createFile(flag);
        advance(1_000, 1_000); // the flag is looked at once a second
        StreamConsumer.onTick(e, w, 500);
        assertThat(w.unsynced()).isFalse();
        e.onReading(0, wall, 1);
        e.flush();
        assertThat(out).extracting(Aggregate::clockUnsynced).containsExactly(true, false);
    }

    @Test
    void withoutTheSystemdDirectoryTheClockCountsAsSynchronised() {
        assertThat(watch(dir.resolve("no-such-dir/synchronized")).unsynced()).isFalse();
    }
}
