package org.iotgateway.outbox;

import org.iotgateway.wire.WireMessage;

/**
 * The estimated bytes a row occupies in the H2 file: its strings plus a fixed per-row overhead
 * (key, created_at, page and map bookkeeping). An estimate is enough: the limit keeps stored rows
 * under half of {@code max-bytes}, and the measured file size is what scripts/benchmarks.md reports.
 */
final class RowSize {
    static final int OVERHEAD = 48;

    private RowSize() {
    }

    static long of(WireMessage m) {
        return m.topic().length() + m.payload().length() + OVERHEAD;
    }
}
