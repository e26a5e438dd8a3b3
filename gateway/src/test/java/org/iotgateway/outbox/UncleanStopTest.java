package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.testing.Aggregates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where seq resumes after a crash or a power cut, in-process: an unclean stop is a file closed
 * without its clean-stop marker (what a SIGKILL leaves), a power cut also a new OS boot id
 * ({@link OsBoot#BOOT_ID_FILE}), and H2 reopening an older state than its last commits (LIBRARY-NOTES)
 * is the meta table written back. The real thing, through the process on LazyFS: {@code PowerCutIT}.
 */
class UncleanStopTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @AfterEach
    void realBootId() {
        System.clearProperty(OsBoot.BOOT_ID_FILE);
    }

    private Outbox open() {
        return Outbox.open(new OutboxConfig(dir.resolve("data/outbox"), null, null), "gw-1");
    }

    private long appendAndCommit(int n) throws Exception {
        try (Outbox o = open()) {
            long last = 0;
            for (int i = 0; i < n; i++) {
                last = o.append("t", Aggregates.temperature(i)).seq();
            }
            assertThat(o.awaitCommitted(last, WAIT)).isTrue();
            return last;
        }
    }

    /** What a SIGKILL leaves next to the file: no clean-stop marker for the last boot. */
    private void forgetCleanStop() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("outbox.clean-stop-")).toList()) {
                Files.delete(p);
            }
        }
    }

    private void bootId(String id) throws Exception {
        Path f = Files.writeString(dir.resolve("boot_id-" + id), id + "\n");
        System.setProperty(OsBoot.BOOT_ID_FILE, f.toString());
    }

    @Test
    void afterACleanStopSeqContinuesWithoutAGap() throws Exception {
        appendAndCommit(10);
        assertThat(Files.exists(dir.resolve("data/outbox.clean-stop-1"))).isTrue();
        try (Outbox o = open()) {
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isEqualTo(11);
            assertThat(o.boot()).isEqualTo(2);
            assertThat(o.recordedLosses(10)).isEmpty();
        }
    }

    @Test
    void afterACrashSeqResumesAboveTheCeilingAndTheGapIsOneRecordedLoss() throws Exception {
        bootId("same");
        appendAndCommit(10);
        forgetCleanStop();
        try (Outbox o = open()) {
            // The first open reserved MIN_BLOCK seqs; ten were used.
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isEqualTo(SeqReservation.MIN_BLOCK + 1);
            Loss gap = new Loss(11, SeqReservation.MIN_BLOCK, LossReason.CRASH, SeqReservation.MIN_BLOCK - 10, 2);
            assertThat(o.recordedLosses(10)).containsExactly(gap);
            assertThat(o.stats().losses().total(LossReason.CRASH)).isEqualTo(gap.count());
        }
    }

    @Test
    void aNewOsBootIdMakesTheGapAPowerCut() throws Exception {
        bootId("before");
        appendAndCommit(10);
        forgetCleanStop();
        bootId("after");
        try (Outbox o = open()) {
            assertThat(o.recordedLosses(10)).extracting(Loss::reason).containsExactly(LossReason.POWER_CUT);
        }
    }

    @Test
    void bootAndSeqClimbEvenWhenTheFileReopensAnOlderStateThanItsLastCommits() throws Exception {
        appendAndCommit(10);
        long published = appendAndCommit(500);
        forgetCleanStop();
        // H2 reopened the state of the first run's end: its meta values, none of the second run's rows.
        try (Connection c = new H2Files(dir.resolve("data/outbox")).connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE outbox_meta SET val = 1 WHERE name = 'boot'");
            st.executeUpdate("UPDATE outbox_meta SET val = 10 WHERE name = 'last_seq'");
            st.executeUpdate("UPDATE outbox_meta SET val = " + SeqReservation.MIN_BLOCK + " WHERE name = 'seq_reserved'");
            st.executeUpdate("DELETE FROM outbox WHERE seq > 10");
        }
        try (Outbox o = open()) {
            assertThat(o.boot()).as("above both earlier runs").isEqualTo(3);
            long next = o.append("t", Aggregates.temperature(1)).seq();
            assertThat(next).as("above every seq the second run committed").isGreaterThan(published);
            assertThat(o.recordedLosses(10)).singleElement().satisfies(l -> {
                assertThat(l.firstSeq()).isEqualTo(11);
                assertThat(l.lastSeq()).isEqualTo(next - 1);
            });
        }
    }

    @Test
    void everyCommittedSeqIsBelowTheDurableCeiling() throws Exception {
        try (Outbox o = open()) {
            for (int i = 0; i < 3_000; i++) {
                long seq = o.append("t", Aggregates.temperature(i)).seq();
                if (i % 100 == 0) {
                    assertThat(MarkerFile.reserved(o.path()).highest()).isGreaterThanOrEqualTo(o.committedSeq());
                    Thread.sleep(5);
                }
                assertThat(seq).isPositive();
            }
            assertThat(o.awaitCommitted(3_000, WAIT)).isTrue();
            assertThat(MarkerFile.reserved(o.path()).highest()).isGreaterThanOrEqualTo(3_000)
                    .isLessThanOrEqualTo(3_000 + SeqReservation.MAX_BLOCK);
        }
    }

    @Test
    void theStepFollowsTheRateAndABurstGrowsItAtMostFourfold() {
        long second = 1_000_000_000L;
        assertThat(SeqReservation.nextBlock(1_600, 800, 2 * second)).as("400/s steady: ~2 s per renewal")
                .isEqualTo(1_600);
        assertThat(SeqReservation.nextBlock(64, 10_000, second / 100)).as("a burst").isEqualTo(256);
        assertThat(SeqReservation.nextBlock(1_600, 5, 60 * second)).as("nearly idle").isEqualTo(SeqReservation.MIN_BLOCK);
        assertThat(SeqReservation.nextBlock(SeqReservation.MAX_BLOCK, 10_000_000, second)).isEqualTo(SeqReservation.MAX_BLOCK);
    }
}
