package org.iotgateway.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.iotgateway.wire.WireMessage;

/**
 * The outbox's SQL, on one JDBC connection. Not thread-safe: the {@link Outbox} gives the writer
 * thread and the publisher thread one store each. Every method blocks on H2 (and so on the disk).
 */
final class OutboxStore implements AutoCloseable {
    private static final String LAST_SEQ = "last_seq";

    private static final String INSERT = "INSERT INTO outbox (seq, topic, payload, created_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?)";
    /**
     * Rows per INSERT statement. H2 runs a JDBC batch as one statement execution per parameter set,
     * each with its own start and end bookkeeping; one statement for many rows pays that once.
     */
    static final int ROWS_PER_INSERT = 64;
    private static final String OLDEST_SEQ = "SELECT COALESCE(MIN(seq), -1) FROM outbox";

    private final Connection conn;
    /** The hot path's statements, prepared once per connection (a batch used to prepare each anew). */
    private PreparedStatement insert;
    private PreparedStatement insertMany;
    private PreparedStatement mergeMeta;
    private PreparedStatement deleteOne;
    private PreparedStatement readFrom;

    OutboxStore(Connection conn) throws SQLException {
        this.conn = conn;
        conn.setAutoCommit(false);
    }

    /** Creates the tables if they are missing; idempotent. */
    void createSchema() throws SQLException {
        try (Statement st = conn.createStatement()) {
            // created_at: OutboxClock time (monotonic across restarts), never the wall clock.
            st.execute("CREATE TABLE IF NOT EXISTS outbox (seq BIGINT PRIMARY KEY, topic VARCHAR NOT NULL,"
                    + " payload VARCHAR NOT NULL, created_at BIGINT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS dead_letter (seq BIGINT PRIMARY KEY, topic VARCHAR NOT NULL,"
                    + " payload VARCHAR NOT NULL, created_at BIGINT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS outbox_meta (name VARCHAR(64) PRIMARY KEY, val BIGINT NOT NULL)");
            LossLedger.createSchema(st);
        }
        conn.commit();
    }

    /**
     * The last seq ever assigned. The meta row is the authority because the table may be empty;
     * max(seq) only guards against a meta row from an older, buggy build.
     */
    long lastSeq() throws SQLException {
        long meta = 0;
        try (PreparedStatement ps = conn.prepareStatement("SELECT val FROM outbox_meta WHERE name = ?")) {
            ps.setString(1, LAST_SEQ);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    meta = rs.getLong(1);
                }
            }
        }
        return Math.max(meta, queryLong("SELECT COALESCE(MAX(seq), 0) FROM outbox"));
    }

    /** A counter in the meta table, or {@code absent} when it was never written. */
    long meta(String name, long absent) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT val FROM outbox_meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : absent;
                conn.commit();
                return v;
            }
        }
    }

    /** Writes one meta value and commits. */
    void putMeta(String name, long val) throws SQLException {
        mergeMeta(name, val);
        conn.commit();
    }

    private void mergeMeta(String name, long val) throws SQLException {
        if (mergeMeta == null) {
            mergeMeta = conn.prepareStatement("MERGE INTO outbox_meta KEY (name) VALUES (?, ?)");
        }
        mergeMeta.setString(1, name);
        mergeMeta.setLong(2, val);
        mergeMeta.executeUpdate();
    }

    /** The newest created_at stored, or 0: where the outbox clock resumes after a restart. */
    long maxCreatedAt() throws SQLException {
        return queryLong("SELECT COALESCE(MAX(created_at), 0) FROM outbox");
    }

    /** Mean stored size of a row in bytes (estimate), or {@code absent} when the table is empty. */
    long meanRowBytes(long absent) throws SQLException {
        long v = queryLong("SELECT COALESCE(AVG(LENGTH(topic) + LENGTH(payload)), -1) FROM outbox");
        return v < 0 ? absent : v + RowSize.OVERHEAD;
    }

    /** The oldest row's seq and created_at, or null when the table is empty. */
    long[] oldest() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, created_at FROM outbox ORDER BY seq LIMIT 1")) {
            long[] v = rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            conn.commit();
            return v;
        }
    }

    /** The seq of the {@code n}-th oldest row (1-based), or -1 if there are fewer rows. */
    long seqAt(long n) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT seq FROM outbox ORDER BY seq LIMIT 1 OFFSET ?")) {
            ps.setLong(1, n - 1);
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : -1;
                conn.commit();
                return v;
            }
        }
    }

    /** The highest seq created before {@code cutoff} (created_at grows with seq), or -1. */
    long lastSeqCreatedBefore(long cutoff) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT COALESCE(MAX(seq), -1) FROM outbox WHERE created_at < ?")) {
            ps.setLong(1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                conn.commit();
                return v;
            }
        }
    }

    /**
     * Evicts every row with seq <= {@code through} and records the loss in the {@link LossLedger}, in
     * one transaction.
     *
     * @param alreadySettled rows among them that were acknowledged or dead-lettered meanwhile (not lost)
     * @return rows deleted, and the loss recorded (null if every deleted row had been settled)
     */
    Eviction evictThrough(long through, int alreadySettled, LossReason reason, long boot) throws SQLException {
        try {
            Eviction e = evictUncommitted(through, alreadySettled, reason, boot);
            conn.commit();
            return e;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    /** What {@link #evictThrough} did. */
    record Eviction(int deleted, Loss loss) {
    }

    /** Deletes rows through {@code through} and records what that lost; does not commit. */
    private Eviction evictUncommitted(long through, int alreadySettled, LossReason reason, long boot)
            throws SQLException {
        long first = queryLongInTransaction(OLDEST_SEQ);
        int deleted;
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM outbox WHERE seq <= ?")) {
            ps.setLong(1, through);
            deleted = ps.executeUpdate();
        }
        long lost = deleted - alreadySettled;
        if (lost <= 0 || first < 0) {
            return new Eviction(deleted, null);
        }
        Loss loss = new Loss(first, through, reason, lost, boot);
        LossLedger.record(conn, loss);
        return new Eviction(deleted, loss);
    }

    /** The ledger's lifetime totals and newest losses. */
    LossHistory lossHistory() throws SQLException {
        LossHistory h = new LossHistory(LossLedger.totals(conn), LossLedger.newest(conn, LossHistory.RECENT));
        conn.commit();
        return h;
    }

    /** The newest {@code limit} recorded losses, oldest first. */
    List<Loss> losses(int limit) throws SQLException {
        List<Loss> l = LossLedger.newest(conn, limit);
        conn.commit();
        return l;
    }

    /** Closes the database, rewriting the file to its live data (slow: seconds for a big file). */
    void shutdownCompact() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
    }

    long rowCount() throws SQLException {
        return queryLong("SELECT COUNT(*) FROM outbox");
    }

    /** The lowest seq still stored, or -1 when the table is empty. Cheap: a primary-key lookup. */
    long oldestSeq() throws SQLException {
        return queryLong(OLDEST_SEQ);
    }

    /**
     * Inserts {@code rows}, deletes {@code ackedSeqs} and records the highest seq, in ONE transaction
     * (group commit: one commit per batch, not per row or per PUBACK, keeps the file small).
     * Rolls back and rethrows on failure, so a retry of the same arguments is safe.
     */
    void commitBatch(List<StoredRow> rows, Collection<Long> ackedSeqs) throws SQLException {
        long last = rows.isEmpty() ? -1 : rows.get(rows.size() - 1).message().seq();
        commitBatch(rows, ackedSeqs, List.of(), last, List.of());
    }

    /**
     * As above, and also moves {@code deadSeqs} to the dead-letter table and records
     * {@code lastSeq} (which may exceed the last row's seq when newer rows were rejected or dropped),
     * and {@code losses} (rejections, queue drops) in the {@link LossLedger}.
     *
     * @return rows deleted from the outbox (acknowledged or dead-lettered) by this commit
     */
    int commitBatch(List<StoredRow> rows, Collection<Long> ackedSeqs, Collection<Long> deadSeqs, long lastSeq,
                    List<Loss> losses) throws SQLException {
        int removed = 0;
        try {
            for (Loss l : losses) {
                LossLedger.record(conn, l);
            }
            if (lastSeq > 0) {
                mergeMeta(LAST_SEQ, lastSeq);
            }
            removed += moveToDeadLetters(deadSeqs);
            insertRows(rows);
            if (!ackedSeqs.isEmpty()) {
                removed += deleteEach(ackedSeqs);
            }
            conn.commit();
            return removed;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    /**
     * After the store came back from a failure, in ONE transaction: completes an eviction that the
     * failure cut short (rows at or below {@code evictThrough}), writes the rows held in memory,
     * applies the acknowledgements and dead-letters that waited, and records {@code lastSeq}. Every
     * step is idempotent, because part of what the failed commit wrote may have reached the file:
     * rows are merged, not inserted. The completed eviction is recorded in the {@link LossLedger}.
     *
     * @return rows the completed eviction removed, and its loss
     */
    Eviction recover(List<StoredRow> held, Collection<Long> ackedSeqs, Collection<Long> deadSeqs, long evictThrough,
                     long lastSeq, LossReason reason, long boot) throws SQLException {
        try {
            // Settled rows first: what the eviction below deletes is then exactly what it lost.
            moveToDeadLetters(deadSeqs);
            deleteEach(ackedSeqs);
            Eviction evicted = evictThrough >= 0 ? evictUncommitted(evictThrough, 0, reason, boot)
                    : new Eviction(0, null);
            if (!held.isEmpty()) {
                try (PreparedStatement ps = conn.prepareStatement("MERGE INTO outbox KEY (seq) VALUES (?, ?, ?, ?)")) {
                    addRows(ps, held);
                    ps.executeBatch();
                }
            }
            mergeMeta(LAST_SEQ, lastSeq);
            conn.commit();
            return evicted;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    /** Records the last seq handed out and commits (when it jumps at open). */
    void putLastSeq(long seq) throws SQLException {
        putMeta(LAST_SEQ, seq);
    }

    private void insertRows(List<StoredRow> rows) throws SQLException {
        int many = rows.size() - rows.size() % ROWS_PER_INSERT;
        if (many > 0) {
            if (insertMany == null) {
                insertMany = conn.prepareStatement(INSERT + (ROW + ", ").repeat(ROWS_PER_INSERT - 1) + ROW);
            }
            for (int i = 0; i < many; i += ROWS_PER_INSERT) {
                int p = 1;
                for (StoredRow r : rows.subList(i, i + ROWS_PER_INSERT)) {
                    insertMany.setLong(p++, r.message().seq());
                    insertMany.setString(p++, r.message().topic());
                    insertMany.setString(p++, r.message().payload());
                    insertMany.setLong(p++, r.createdAt());
                }
                insertMany.addBatch();
            }
            insertMany.executeBatch();
        }
        if (many < rows.size()) {
            if (insert == null) {
                insert = conn.prepareStatement(INSERT + ROW);
            }
            addRows(insert, rows.subList(many, rows.size()));
            insert.executeBatch();
        }
    }

    private static void addRows(PreparedStatement ps, List<StoredRow> rows) throws SQLException {
        for (StoredRow r : rows) {
            ps.setLong(1, r.message().seq());
            ps.setString(2, r.message().topic());
            ps.setString(3, r.message().payload());
            ps.setLong(4, r.createdAt());
            ps.addBatch();
        }
    }

    /** MERGE, not INSERT: a retry after a failure may find a seq moved already. */
    private int moveToDeadLetters(Collection<Long> deadSeqs) throws SQLException {
        if (deadSeqs.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "MERGE INTO dead_letter KEY (seq) SELECT * FROM outbox WHERE seq = ?")) {
            for (long seq : deadSeqs) {
                ps.setLong(1, seq);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return deleteEach(deadSeqs);
    }

    private int deleteEach(Collection<Long> seqs) throws SQLException {
        int n = 0;
        if (seqs.isEmpty()) {
            return 0;
        }
        if (deleteOne == null) {
            deleteOne = conn.prepareStatement("DELETE FROM outbox WHERE seq = ?");
        }
        for (long seq : seqs) {
            deleteOne.setLong(1, seq);
            deleteOne.addBatch();
        }
        for (int c : deleteOne.executeBatch()) {
            n += Math.max(c, 0);
        }
        return n;
    }

    /**
     * Forces committed data into the file. H2 otherwise keeps commits in memory for WRITE_DELAY
     * (500 ms), which a SIGKILL loses. Not an fsync: that needs CHECKPOINT SYNC (the later sync option).
     */
    void checkpoint(boolean sync) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sync ? "CHECKPOINT SYNC" : "CHECKPOINT");
        }
    }

    /** Up to {@code limit} committed rows with seq >= {@code fromSeq}, strictly in seq order. */
    List<WireMessage> readFrom(long fromSeq, int limit) throws SQLException {
        List<WireMessage> out = new ArrayList<>(Math.min(limit, 1024));
        if (readFrom == null) {
            readFrom = conn.prepareStatement("SELECT seq, topic, payload FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?");
        }
        readFrom.setLong(1, fromSeq);
        readFrom.setInt(2, limit);
        try (ResultSet rs = readFrom.executeQuery()) {
            while (rs.next()) {
                out.add(new WireMessage(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        // End the read transaction so the next read sees rows committed since.
        conn.commit();
        return out;
    }

    private long queryLong(String sql) throws SQLException {
        long v = queryLongInTransaction(sql);
        conn.commit();
        return v;
    }

    private long queryLongInTransaction(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }

    /** A message waiting for the writer, with the {@link OutboxClock} time it was appended. */
    record StoredRow(WireMessage message, long createdAt) {
    }
}
