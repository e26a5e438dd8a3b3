package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingPipeTest {

    @Test
    void theEngineSideSeesExactlyTheParsedSequence() {
        List<String> direct = new ArrayList<>();
        List<String> piped = new ArrayList<>();
        ReadingTarget record = (c, ts, v) -> direct.add(c + "/" + ts + "/" + v);
        ReadingPipe pipe = new ReadingPipe((c, ts, v) -> piped.add(c + "/" + ts + "/" + v));
        int n = ReadingPipe.BATCH * 3 + 17; // full batches and a partial one
        for (int i = 0; i < n; i++) {
            record.reading(i % 7, 1000L - i, i * 0.5);
            pipe.reading(i % 7, 1000L - i, i * 0.5);
        }
        pipe.finish();
        assertThat(piped).hasSize(n).isEqualTo(direct);
    }

    @Test
    void aFailureOnTheEngineSideStopsTheParserAndIsRethrown() {
        UncheckedIOException boom = new UncheckedIOException(new java.io.IOException("disk full"));
        long[] seen = new long[1];
        ReadingPipe pipe = new ReadingPipe((c, ts, v) -> {
            if (++seen[0] == 10) {
                throw boom;
            }
        });
        assertThatThrownBy(() -> {
            for (int i = 0; i < ReadingPipe.BATCH * 50; i++) {
                pipe.reading(0, i, i);
            }
            pipe.finish();
        }).isSameAs(boom);
    }
}
