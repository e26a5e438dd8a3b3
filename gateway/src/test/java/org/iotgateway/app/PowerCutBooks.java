package org.iotgateway.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.wire.WireMessage;

/**
 * What an outbox file says once its gateway stopped cleanly: the last seq handed out, the rows still
 * owed (with their payloads, to tell a reused seq from a resent one) and every loss its ledger
 * recorded.
 */
record PowerCutBooks(long lastSeq, Map<Long, String> pending, List<Loss> losses) {

    static PowerCutBooks read(Path outbox) {
        try (Outbox o = Outbox.open(new OutboxConfig(outbox, null, null), FastGateway.ID)) {
            return new PowerCutBooks(o.stats().lastSeq(), o.readCommitted(0, Integer.MAX_VALUE).stream()
                    .collect(Collectors.toMap(WireMessage::seq, WireMessage::payload)), o.recordedLosses(Integer.MAX_VALUE));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The seqs the file holds right after a cut, as the next start will find them: read through a
     * read-only H2 connection, which changes nothing in the file.
     */
    static Set<Long> storedSeqs(Path outbox) throws SQLException {
        Set<Long> out = new HashSet<>();
        if (!java.nio.file.Files.exists(outbox.resolveSibling(outbox.getFileName() + ".mv.db"))) {
            return out; // a cut before the first open
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + outbox.toAbsolutePath()
                + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0", "gateway", "iot-gateway-outbox");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq FROM outbox")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 42102 || e.getErrorCode() == 42104) {
                return out; // a cut before the outbox created its table
            }
            throw e;
        }
        return out;
    }

    /** True if a recorded loss covers {@code seq}. */
    boolean inLoss(long seq) {
        return losses.stream().anyMatch(l -> l.covers(seq));
    }

    /** True if the subscriber lacks nothing that the file does not owe or explain. */
    boolean accountsFor(Map<Long, ?> received) {
        for (long s = 1; s <= lastSeq; s++) {
            if (!received.containsKey(s) && !pending.containsKey(s) && !inLoss(s)) {
                return false;
            }
        }
        return true;
    }
}
