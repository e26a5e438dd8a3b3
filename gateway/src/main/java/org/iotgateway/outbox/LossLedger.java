package org.iotgateway.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's record of what it let go, kept in the H2 file itself: one row per loss (seq range,
 * reason, count, boot) and a lifetime total per reason, written in the SAME transaction as the
 * delete or rejection they describe. A loss is then in the books exactly when it happened, even if
 * the process is SIGKILLed before the next status message: an in-memory counter would die with it
 * and leave a seq gap nobody counted. Only the newest {@link #KEEP} rows are kept (a few tens of
 * KB); the totals are never pruned. Called on the thread that owns the connection, inside its
 * transaction: nothing here commits.
 */
final class LossLedger {
    static final int KEEP = 1000;
    private static final String TOTAL = "lost_";

    private LossLedger() {
    }

    static void createSchema(Statement st) throws SQLException {
        st.execute("CREATE TABLE IF NOT EXISTS outbox_loss (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL, reason VARCHAR(32) NOT NULL,"
                + " lost BIGINT NOT NULL, boot BIGINT NOT NULL)");
    }

    /** Adds the loss and its total, and prunes rows beyond {@link #KEEP}; the caller commits. */
    static void record(Connection c, Loss loss) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_loss (first_seq, last_seq, reason, lost, boot) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, loss.firstSeq());
            ps.setLong(2, loss.lastSeq());
            ps.setString(3, loss.reason().name());
            ps.setLong(4, loss.count());
            ps.setLong(5, loss.boot());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO outbox_meta KEY (name) VALUES (?,"
                + " COALESCE((SELECT val FROM outbox_meta WHERE name = ?), 0) + ?)")) {
            ps.setString(1, TOTAL + loss.reason().name());
            ps.setString(2, TOTAL + loss.reason().name());
            ps.setLong(3, loss.count());
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM outbox_loss WHERE id <= (SELECT MAX(id) FROM outbox_loss) - " + KEEP);
        }
    }

    /** The newest {@code limit} losses, oldest first. */
    static List<Loss> newest(Connection c, int limit) throws SQLException {
        List<Loss> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT first_seq, last_seq, reason, lost, boot FROM"
                + " (SELECT * FROM outbox_loss ORDER BY id DESC LIMIT ?) ORDER BY id")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Loss(rs.getLong(1), rs.getLong(2), LossReason.valueOf(rs.getString(3)), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
        }
        return out;
    }

    /** Lifetime totals per reason (zero where none). */
    static Map<LossReason, Long> totals(Connection c) throws SQLException {
        Map<LossReason, Long> out = new EnumMap<>(LossReason.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT val FROM outbox_meta WHERE name = ?")) {
            for (LossReason r : LossReason.values()) {
                ps.setString(1, TOTAL + r.name());
                try (ResultSet rs = ps.executeQuery()) {
                    out.put(r, rs.next() ? rs.getLong(1) : 0L);
                }
            }
        }
        return out;
    }
}
