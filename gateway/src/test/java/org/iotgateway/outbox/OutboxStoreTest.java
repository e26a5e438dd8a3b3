package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxStoreTest {
    @TempDir
    Path dir;

    private OutboxStore open() throws Exception {
        OutboxStore s = new OutboxStore(new H2Files(dir.resolve("outbox")).connect());
        s.createSchema();
        return s;
    }

    private static List<StoredRow> rows(long from, long to) {
        List<StoredRow> out = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            out.add(new StoredRow(new WireMessage(seq, "t/" + seq, "{\"seq\":" + seq + "}"), 1000 + seq));
        }
        return out;
    }

    @Test
    void readsInSeqOrderFromAGivenSeqWithALimit() throws Exception {
        try (OutboxStore s = open()) {
            s.commitBatch(rows(1, 10), List.of());
            assertThat(s.readFrom(4, 3)).extracting(WireMessage::seq).containsExactly(4L, 5L, 6L);
            assertThat(s.readFrom(0, 100)).hasSize(10).first().isEqualTo(new WireMessage(1, "t/1", "{\"seq\":1}"));
        }
    }

    @Test
    void batchesOfManyRowsGoInWholeWhateverTheirSizeAgainstTheRowsPerInsert() throws Exception {
        int n = OutboxStore.ROWS_PER_INSERT;
        try (OutboxStore s = open()) {
            s.commitBatch(rows(1, 2 * n + 5), List.of());
            s.commitBatch(rows(2 * n + 6, 3 * n + 5), List.of());
            s.commitBatch(rows(3 * n + 6, 3 * n + 6), List.of());
            List<WireMessage> all = s.readFrom(0, 10_000);
            assertThat(all).containsExactlyElementsOf(rows(1, 3 * n + 6).stream().map(StoredRow::message).toList());
            assertThat(s.maxCreatedAt()).isEqualTo(1000 + 3 * n + 6);
        }
    }

    @Test
    void lastSeqComesFromMetaEvenAfterAllRowsAreDeleted() throws Exception {
        try (OutboxStore s = open()) {
            s.commitBatch(rows(1, 5), List.of());
            s.commitBatch(List.of(), List.of(1L, 2L, 3L, 4L, 5L));
            assertThat(s.rowCount()).isZero();
            assertThat(s.oldestSeq()).isEqualTo(-1);
        }
        try (OutboxStore s = open()) {
            assertThat(s.lastSeq()).isEqualTo(5);
        }
    }

    @Test
    void deletesOutOfOrderAcksAndKeepsTheRest() throws Exception {
        try (OutboxStore s = open()) {
            s.commitBatch(rows(1, 6), List.of());
            s.commitBatch(rows(7, 8), List.of(5L, 2L, 3L));
            assertThat(s.readFrom(0, 100)).extracting(WireMessage::seq).containsExactly(1L, 4L, 6L, 7L, 8L);
            assertThat(s.oldestSeq()).isEqualTo(1);
        }
    }

    @Test
    void aFailedBatchIsRolledBackWhole() throws Exception {
        try (OutboxStore s = open()) {
            s.commitBatch(rows(1, 2), List.of());
            // seq 2 already exists: the whole batch (3 and the duplicate 2) must be rolled back.
            List<StoredRow> bad = new ArrayList<>(rows(3, 3));
            bad.addAll(rows(2, 2));
            assertThatThrownBy(() -> s.commitBatch(bad, List.of(1L))).isInstanceOf(SQLException.class);
            assertThat(s.readFrom(0, 100)).extracting(WireMessage::seq).containsExactly(1L, 2L);
            assertThat(s.lastSeq()).isEqualTo(2);
        }
    }
}
