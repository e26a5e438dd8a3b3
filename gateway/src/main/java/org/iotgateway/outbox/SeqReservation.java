package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps seqs from being reused after an unclean stop. H2 may reopen an older state than its last
 * commits after a crash or a power cut (under {@code sync: interval} or {@code os} a power cut
 * also takes what was not fsynced), and rows among them may have been published: reusing their
 * seqs would make subscribers that deduplicate on (gateway, seq) discard new aggregates. So no seq
 * is committed (and so published) above a ceiling that is durable outside H2 (a
 * {@link MarkerFile#reserved} marker, fsynced; also in H2's meta table), and a start after an
 * unclean stop resumes above the highest ceiling any record holds. The seqs skipped are recorded
 * in the loss ledger as one loss ({@link LossReason#POWER_CUT} or {@link LossReason#CRASH}), whose
 * count is an upper bound: the range also holds seqs that were delivered, or never handed out.
 * <p>
 * The ceiling is kept close, so that the bound says something: it is raised when less than half
 * of the last step is left, by about {@link #RENEW_EVERY_SECONDS} × 2 of the recent append rate
 * (at least {@link #MIN_BLOCK}, at most {@link #MAX_BLOCK}, see {@link #nextBlock}): one marker
 * file and a directory fsync every ~2 s at high rates, every {@code MIN_BLOCK / 2} aggregates at
 * low ones (a marker costs one metadata journal commit, ~8–9 KB on ext4: README, Benchmarks).
 * Runs on the opening thread, then on the writer thread only.
 */
final class SeqReservation {
    private static final Logger log = LoggerFactory.getLogger(SeqReservation.class);
    static final long MIN_BLOCK = 64;
    static final long MAX_BLOCK = 100_000;
    static final double RENEW_EVERY_SECONDS = 2;
    private static final String RESERVED = "seq_reserved";

    private final OutboxDatabase db;
    private final MarkerFile marker;
    private long reserved;
    private long block = MIN_BLOCK;
    private long renewedAt = System.nanoTime();
    private long renewedSeq;

    private SeqReservation(OutboxDatabase db, MarkerFile marker) {
        this.db = db;
        this.marker = marker;
    }

    /**
     * Opening thread: decides where seq resumes, records the gap an unclean stop left (with
     * {@code lastSeq[0]}, in one transaction) and reserves the first seqs (fsynced).
     *
     * @param unstored the highest {@link MarkerFile#unstored} marker: seqs the last run published
     *                 from memory while its store was unusable, that it could not store before it ended
     * @param lastSeq in: the last seq the file records; out: where seq resumes
     */
    static SeqReservation open(OutboxDatabase db, Path base, OutboxRuns runs, long unstored, long[] lastSeq)
            throws SQLException, IOException {
        OutboxStore store = db.writer();
        MarkerFile marker = MarkerFile.reserved(base);
        long stored = lastSeq[0];
        lastSeq[0] = Math.max(stored, unstored);
        if (runs.previous() != OutboxRuns.End.CLEAN) {
            lastSeq[0] = Math.max(lastSeq[0], Math.max(store.meta(RESERVED, 0), marker.highest()));
        }
        List<Loss> gap = List.of();
        if (lastSeq[0] > stored) {
            Loss loss = new Loss(stored + 1, lastSeq[0], runs.previous() == OutboxRuns.End.POWER_CUT
                    ? LossReason.POWER_CUT : LossReason.CRASH, lastSeq[0] - stored, runs.boot());
            log.error("outbox: the last run {}: seq resumes at {} so that no seq it may have published is reused;"
                    + " seqs {}..{} are recorded as lost ({}: at most {} aggregates, those the last run had handed out"
                    + " and the file did not keep)", describe(runs.previous()), lastSeq[0] + 1, loss.firstSeq(),
                    loss.lastSeq(), loss.reason().wire(), loss.count());
            gap = List.of(loss);
        }
        // Recorded now, not with the first batch: a crash before it must not resume below this.
        store.commitBatch(List.of(), List.of(), List.of(), lastSeq[0], gap);
        SeqReservation r = new SeqReservation(db, marker);
        r.renewedSeq = lastSeq[0];
        r.renew(lastSeq[0] + MIN_BLOCK);
        store.checkpoint(true);
        return r;
    }

    private static String describe(OutboxRuns.End end) {
        return switch (end) {
            case POWER_CUT -> "did not stop cleanly and the OS rebooted since (power cut?)";
            case CRASH -> "did not stop cleanly (crash)";
            case CLEAN -> "stopped while its store was unusable, after publishing aggregates it could not store";
        };
    }

    /**
     * Writer thread, before it commits rows (or records drops) up to {@code seq}: after this
     * returns, a power cut cannot make a start resume at or below {@code seq}. One comparison unless
     * a renewal is due.
     */
    void cover(long seq) throws SQLException {
        if (seq <= reserved - block / 2) {
            return;
        }
        long now = System.nanoTime();
        block = nextBlock(block, seq - renewedSeq, now - renewedAt);
        renewedAt = now;
        renewedSeq = seq;
        renew(seq + block);
    }

    /**
     * The next step: {@code seqs} appended in {@code nanos} since the last renewal, scaled to
     * 2 × {@link #RENEW_EVERY_SECONDS}, but at most 4 × the last step: a burst (a thousand windows
     * closing at once) right after a renewal must not look like a rate that makes the bound useless
     * for minutes.
     */
    static long nextBlock(long previous, long seqs, long nanos) {
        double perSecond = seqs / Math.max(0.001, nanos / 1e9);
        long wanted = Math.round(perSecond * RENEW_EVERY_SECONDS * 2);
        return Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, Math.min(4 * previous, wanted)));
    }

    /** The marker first: it is the record that survives H2 reopening an older state. */
    private void renew(long ceiling) throws SQLException {
        boolean durable = marker.raiseTo(ceiling);
        reserved = ceiling;
        db.writer().putMeta(RESERVED, ceiling);
        if (!durable) {
            db.writer().checkpoint(true);
        }
    }
}
