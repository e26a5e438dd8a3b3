package org.iotgateway.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
