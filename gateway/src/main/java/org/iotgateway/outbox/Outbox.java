package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 outbox: the source of truth for aggregates owed to the broker. Threads:
 * <ul>
 * <li>{@link #append}: the stream consumer thread; never touches the disk.</li>
 * <li>{@link #readCommitted}: the ONE publisher thread; it blocks on H2.</li>
 * <li>{@link #awaitCommitted}: the publisher thread and the console printer; it blocks up to its timeout.</li>
 * <li>{@link #wakeWaiters}: any thread; never blocks.</li>
 * <li>{@link #acked}: any thread, including Paho's callback thread; never blocks.</li>
 * <li>{@link #stats}: any thread; never blocks.</li>
 * <li>{@link #open} and {@link #close}: the start-up / shutdown thread; they block on the disk.</li>
 * </ul>
 * Rows become visible to the publisher only after their commit, and are deleted only after they
 * were acknowledged. While the store is unusable (a write failed: disk full) new rows are held in
 * memory and {@link #readCommitted} serves those instead; see {@link StoreOutage}.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private static final String CLOCK = "clock";

    private final Path path;
    private final String gatewayId;
    private final long boot;
    private final OutboxRuns runs;
    private final OutboxClock clock;
    private final SeqReservation reservation;
    private final long maxBytes;
    private final OutboxDatabase db;
    private final BlockingQueue<StoredRow> queue;
    private final PendingAcks acks = new PendingAcks();
    private final QueueDrops drops = new QueueDrops();
    private final UnstoredBuffer held;
    private final OutboxCounters counters;
    private final CommitSignal signal;
    private final StoreOutage outage;
    private final OutboxWriter writer;
    private final Thread writerThread;
    private final LogLimiter dropLog = new LogLimiter(Duration.ofSeconds(10));
    private final LogLimiter deadLog = new LogLimiter(Duration.ofSeconds(10));
    private long lastSeq;
    private volatile boolean closed;

    private Outbox(Path path, String gatewayId, OutboxDatabase db, OutboxConfig cfg, OutboxTuning tuning,
                   long seqFloor) throws SQLException, IOException {
        this.path = path;
        this.maxBytes = cfg.maxBytes().bytes();
        this.gatewayId = gatewayId;
        this.db = db;
        OutboxStore store = db.writer();
        store.createSchema();
        this.runs = OutboxRuns.start(store, path);
        this.boot = runs.boot();
        MarkerFile marker = MarkerFile.unstored(path);
        long[] seq = {Math.max(store.lastSeq(), seqFloor)};
        this.reservation = SeqReservation.open(db, path, runs, marker.highest(), seq);
        clearQuietly(marker);
        this.lastSeq = seq[0];
        this.clock = new OutboxClock(Math.max(store.meta(CLOCK, 0), store.maxCreatedAt()));
        this.counters = new OutboxCounters(store.rowCount(), store.oldestSeq(), store.lossHistory());
        long[] oldest = store.oldest();
        counters.oldestCreatedAt.set(oldest == null ? -1 : oldest[1]);
        this.signal = new CommitSignal(lastSeq);
        this.queue = new ArrayBlockingQueue<>(tuning.queueCapacity());
        this.held = new UnstoredBuffer(tuning.heldCapacity());
        OutboxLimits limits = new OutboxLimits(db, acks, counters, clock, cfg, store.meanRowBytes(300), boot);
        this.outage = new StoreOutage(path.getParent(), held, marker, counters, signal);
        StoreRecovery recovery = new StoreRecovery(db, held, marker, acks, counters, signal, reservation, limits);
        this.writer = new OutboxWriter(db, queue, acks, counters, signal, tuning, limits, reservation,
                new Durability(cfg.sync(), cfg.syncInterval()), outage, recovery, drops);
        this.writerThread = new Thread(writer, "outbox-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    private static void clearQuietly(MarkerFile marker) {
        try {
            marker.clear();
        } catch (IOException e) {
            log.warn("outbox: cannot remove old unstored-seq markers ({}); the next start skips their seqs again",
                    e.toString());
        }
    }

    /**
     * A replaced file took its last seq with it. Seq resumes above the ceiling the old file had
     * reserved ({@link MarkerFile#reserved}), or, without one (a file from before the marker), above
     * the current epoch ms: above anything plausible if the clock is right and seq grew slower than
     * 1,000 a second, which a wrong clock (a Pi without RTC) or a faster gateway defeats. Either way
     * the old file's unsent content is lost without a count (it cannot be read), and logged.
     */
    private static long replacedFileFloor(H2Files files) throws IOException {
        long ceiling = MarkerFile.reserved(files.base()).highest();
        long floor = ceiling > 0 ? ceiling : System.currentTimeMillis();
        log.error("outbox {} was replaced: seq resumes at {}, above {}; aggregates still pending in the old file"
                + " are not sent and cannot be counted", files.dataFile(), floor + 1,
                ceiling > 0 ? "the last ceiling the old file reserved" : "the current epoch ms (no reserved ceiling"
                        + " found next to it)");
        return floor;
    }

    /** Opens (or creates) the outbox file; a file that cannot be read is moved aside and replaced. */
    public static Outbox open(OutboxConfig cfg, String gatewayId) {
        return open(cfg, gatewayId, OutboxTuning.defaults());
    }

    public static Outbox open(OutboxConfig cfg, String gatewayId, OutboxTuning tuning) {
        H2Files files = new H2Files(cfg.path());
        OutboxOpener.Opened opened = OutboxOpener.connectOrMoveAside(files);
        Connection w = opened.connection();
        OutboxDatabase db = null;
        try {
            db = new OutboxDatabase(files, w);
            long seqFloor = opened.replaced() ? replacedFileFloor(files) : 0;
            Outbox o = new Outbox(files.base(), gatewayId, db, cfg, tuning, seqFloor);
            log.info("outbox {} opened: {} aggregates pending, last seq {}, boot {}, sync {}, limits {} / {} ({})",
                    files.base(), o.counters.initialRows, o.lastSeq, o.boot, cfg.sync(), cfg.maxBytes(), cfg.maxAge(),
                    cfg.fullPolicy());
            return o;
        } catch (SQLException | IOException e) {
            if (db != null) {
                db.close();
            } else {
                OutboxOpener.closeQuietly(w);
            }
            throw new OutboxException("cannot open the outbox " + files.dataFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stream consumer thread. Assigns the next seq, renders the payload and queues the row for the
     * writer; returns at once. If the writer has fallen so far behind that the queue is full, the
     * aggregate is dropped and counted (its seq becomes a gap subscribers can see) and the returned
     * message is never published.
     */
    public synchronized WireMessage append(String topic, Aggregate a) {
        // synchronized keeps seq order == queue order even if a second caller ever appears.
        long seq = ++lastSeq;
        WireMessage m = new WireMessage(seq, topic, AggregatePayload.render(seq, gatewayId, boot, a));
        counters.appended.increment();
        if (!closed && queue.offer(new StoredRow(m, clock.now()))) {
            writer.wake();
        } else {
            counters.queueFullDrops.increment();
            if (!closed) {
                drops.add(seq);
            }
            if (dropLog.tryAcquire() >= 0) {
                log.error("outbox {}: dropped aggregate seq {}; {} dropped in total (next report in 10 s at most)",
                        closed ? "closed" : "writer is behind (queue full)", seq, counters.queueFullDrops.sum());
            }
        }
        return m;
    }

    /**
     * Publisher thread; blocks on H2. Up to {@code limit} committed, not yet acknowledged rows with
     * seq >= {@code fromSeq}, in seq order. While the store is unusable: the rows held in memory
     * instead (the stored ones come back, after a {@link #rewinds rewind}, with the store).
     */
    public List<WireMessage> readCommitted(long fromSeq, int limit) throws SQLException {
        if (db.usable()) {
            try {
                return db.read(reader -> readStored(reader, fromSeq, limit));
            } catch (SQLException e) {
                if (db.usable()) {
                    throw e;
                }
            }
        }
        return held.read(fromSeq, outage.publishableUpTo(), limit);
    }

    private List<WireMessage> readStored(OutboxStore reader, long fromSeq, int limit) throws SQLException {
        long from = fromSeq;
        // Only up to the signalled seq: a row becomes visible to SQL at its commit, but is in the file
        // only after the CHECKPOINT that follows. Publishing it in between and then dying by SIGKILL
        // would let the next run hand its seq to another aggregate.
        long durable = signal.committedSeq();
        while (true) {
            List<WireMessage> rows = reader.readFrom(from, limit);
            List<WireMessage> out = new ArrayList<>(rows.size());
            for (WireMessage m : rows) {
                if (m.seq() > durable) {
                    return out;
                }
                if (!acks.contains(m.seq())) {
                    out.add(m);
                }
            }
            // Empty must mean "nothing unacknowledged at or after fromSeq", never "a page of acked rows".
            if (!out.isEmpty() || rows.size() < limit) {
                return out;
            }
            from = rows.get(rows.size() - 1).seq() + 1;
        }
    }

    /**
     * Any thread, never blocks: grows whenever rows the publisher may already have moved past became
     * readable again (the store came back after an outage). The publisher restarts from the lowest
     * unacknowledged seq when it changes.
     */
    public long rewinds() {
        return signal.rewinds();
    }

    /**
     * Any thread, never blocks: the highest seq committed so far. Every row at or below it that
     * {@link #readCommitted} does not return was acknowledged or dropped, so a reader may move past it.
     */
    public long committedSeq() {
        return signal.committedSeq();
    }

    /**
     * Blocks up to the timeout until a row with seq >= {@code seq} is committed (or held in memory
     * during a store outage); false at once after {@link #close}, and early after a
     * {@link #rewinds rewind} or {@link #wakeWaiters}.
     */
    public boolean awaitCommitted(long seq, Duration timeout) throws InterruptedException {
        return !closed && signal.await(seq, timeout.toMillis());
    }

    /**
     * Like {@link #awaitCommitted(long, Duration)}, but false at once if a rewind or
     * {@link #wakeWaiters} came after {@link #wakeCount} returned {@code woken}: read it before
     * looking at what a wake-up would change, and none is lost in between.
     */
    public boolean awaitCommitted(long seq, Duration timeout, long woken) throws InterruptedException {
        return !closed && signal.await(seq, timeout.toMillis(), woken);
    }

    /** Any thread, never blocks for long: the count of rewinds and {@link #wakeWaiters} so far. */
    public long wakeCount() {
        return signal.wakes();
    }

    /**
     * Any thread, never blocks: threads waiting in {@link #awaitCommitted} return (false) now, to
     * look at a change of their own state (the publisher's session, a stop).
     */
    public void wakeWaiters() {
        signal.wakeAll();
    }

    /**
     * Any thread, never blocks: this row was acknowledged, dead-lettered or deleted already, so
     * sending it again would only make a duplicate (the publisher asks after waiting for a slot).
     */
    public boolean settled(long seq) {
        return acks.settledOrGone(seq);
    }

    /**
     * Any thread, never blocks (safe on Paho's callback thread): the broker has the row; it is
     * deleted with the next batch.
     */
    public void acked(long seq) {
        if (held.settle(seq)) {
            acks.settledElsewhere(seq);
            counters.publishedUnstored.increment();
            return;
        }
        switch (acks.add(seq)) {
            case SETTLED -> {
                counters.acked.increment();
                writer.wake();
            }
            case ALREADY_EVICTED -> counters.lateAcks.increment();
            case DUPLICATE -> { }
        }
    }

    /**
     * Any thread, never blocks: the broker keeps refusing this row (its connection dropped while
     * the row was the oldest owed, {@code mqtt.dead-letter-after} times).
     */
    public void deadLetter(long seq) {
        deadLetter(seq, LossReason.DISCONNECTED_REPEATEDLY);
    }

    /**
     * Any thread, never blocks (safe on Paho's callback thread): the broker will not take this row;
     * it moves to the dead-letter table with the next batch, with a loss-ledger row naming
     * {@code reason}, and is not published again. Counted once. A row held in memory while the
     * store is unusable cannot be kept: it is dropped, and counted as dead-lettered all the same.
     *
     * @return true if this call settled the row (false: it was settled or evicted already)
     */
    public boolean deadLetter(long seq, LossReason reason) {
        boolean wasHeld = held.settle(seq);
        if (wasHeld) {
            acks.settledElsewhere(seq);
        }
        if (wasHeld || acks.addDead(seq, reason) == PendingAcks.Outcome.SETTLED) {
            writer.wake();
            counters.deadLettered.increment();
            long suppressed = deadLog.tryAcquire();
            if (suppressed >= 0) {
                log.error("outbox: seq {} {} ({}); {} dead-lettered in total{}", seq,
                        wasHeld ? "dropped (held in memory, the store is unusable)" : "moved to the dead-letter table",
                        reason.wire(), counters.deadLettered.sum(),
                        suppressed > 0 ? " (" + suppressed + " more not logged in the last 10 s)" : "");
            }
            return true;
        }
        return false;
    }

    /**
     * Any thread; blocks on H2: the newest {@code limit} losses recorded in the file (evictions and
     * rejections, with their seq ranges), oldest first. For tools and tests that reconcile seq gaps.
     */
    public List<Loss> recordedLosses(int limit) throws SQLException {
        return db.read(reader -> reader.losses(limit));
    }

    /** This process's boot number (1 for a new file, +1 per open): in every payload as "boot". */
    public long boot() {
        return boot;
    }

    public OutboxStats stats() {
        return counters.snapshot(lastSeqVolatile(), clock.now(), db.usable(), held.size());
    }

    private synchronized long lastSeqVolatile() {
        return lastSeq;
    }

    /**
     * H2 keeps superseded chunks for 45 s; the writer compacts a file that outgrew three quarters
     * of max-bytes after each commit. At a clean stop a file past half of it is compacted too: H2's
     * own close moves live chunks to the end of the file first, which grew a 0.53 MB file of a
     * 1 MB limit to 1.09 MB in OutboxLimitsTest; SHUTDOWN COMPACT writes the live data only.
     */
    private void compactIfOverLimit() throws SQLException {
        try {
            if (db.fileSize() > maxBytes / 2) {
                db.writer().shutdownCompact();
            }
        } catch (IOException e) {
            log.debug("outbox size unknown: {}", e.toString());
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Only once H2 closed the file and it is on the disk: a start that finds the mark trusts the
     * file's last seq (H2's close does not fsync; under {@code sync: os} a power cut right after a
     * clean stop would otherwise roll the file back behind a mark that says all is well).
     */
    private void markCleanStop() {
        try {
            DiskSync.file(db.dataFile());
            runs.stoppedCleanly();
        } catch (IOException e) {
            log.warn("outbox: cannot fsync {} after closing it ({}): the next start treats this stop as unclean",
                    db.dataFile(), e.toString());
        }
    }

    /** Shutdown thread: commits what is queued, deletes what was acknowledged, closes H2. Blocks. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        signal.wakeAll();
        try {
            writerThread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean clean = db.usable();
        if (clean) {
            try {
                db.writer().putMeta(CLOCK, clock.now());
                runs.closing(db.writer());
                compactIfOverLimit();
            } catch (SQLException e) {
                clean = false;
                log.warn("outbox: saving the clock, the clean-stop mark or compacting failed: {}", e.toString());
            }
        }
        OutboxStats last = stats();
        if (db.close() && clean) {
            markCleanStop();
        }
        log.info("outbox {} closed: {}", path, last);
    }
}
