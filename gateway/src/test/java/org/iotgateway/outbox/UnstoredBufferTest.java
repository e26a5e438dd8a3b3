package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;

class UnstoredBufferTest {
    private static StoredRow row(long seq) {
        return new StoredRow(new WireMessage(seq, "t", "{\"seq\":" + seq + "}"), seq);
    }

    private static UnstoredBuffer holding(int capacity, long... seqs) {
        UnstoredBuffer b = new UnstoredBuffer(capacity);
        for (long s : seqs) {
            b.add(row(s));
        }
        return b;
    }

    @Test
    void readsInSeqOrderOnlyUpToTheMarkerCeilingAndNothingBeforeAMarkerExists() {
        UnstoredBuffer b = holding(10, 7, 5, 6, 9);
        assertThat(b.read(0, 8, 10)).extracting(WireMessage::seq).containsExactly(5L, 6L, 7L);
        assertThat(b.read(6, 100, 2)).extracting(WireMessage::seq).containsExactly(6L, 7L);
        // Between the store failing and the first marker the ceiling is 0 (this once threw).
        assertThat(b.read(5, 0, 10)).isEmpty();
    }

    @Test
    void whenFullNewRowsAreRefusedNotOldOnesDropped() {
        UnstoredBuffer b = holding(2, 1, 2);
        assertThat(b.add(row(3))).isFalse();
        assertThat(b.read(0, 10, 10)).extracting(WireMessage::seq).containsExactly(1L, 2L);
    }

    @Test
    void duringAMigrationAcksGoToTheStoreAndAnAbortDropsWhatTheStoreSettled() {
        UnstoredBuffer b = holding(10, 1, 2, 3);
        assertThat(b.settle(1)).isTrue();
        assertThat(b.beginMigration()).extracting(r -> r.message().seq()).containsExactly(2L, 3L);
        assertThat(b.settle(2)).as("the row is being written to the store").isFalse();
        b.abortMigration(Set.of(2L)::contains);
        assertThat(b.read(0, 10, 10)).extracting(WireMessage::seq).containsExactly(3L);
        assertThat(b.settle(3)).isTrue();
        assertThat(b.size()).isZero();
    }
}
