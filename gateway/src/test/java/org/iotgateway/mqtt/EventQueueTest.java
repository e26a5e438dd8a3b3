package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** Result messages waiting for the broker: none vanishes without a count, at overflow or at a stop. */
class EventQueueTest {
    private static EventQueue.Event event(int i) {
        return new EventQueue.Event("sensors/gw/config/result", ("r" + i).getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>());
    }

    @Test
    void theOldestIsDroppedAndCountedWhenMoreThanMaxWait() {
        EventQueue q = new EventQueue(task -> true, new LongAdder());
        List<EventQueue.Event> added = new ArrayList<>();
        for (int i = 0; i < EventQueue.MAX + 2; i++) {
            EventQueue.Event e = event(i);
            added.add(e);
            q.add(e);
        }
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(added.get(0).done()).isCompletedExceptionally();
        assertThat(added.get(1).done()).isCompletedExceptionally();
        assertThat(added.get(2).done()).isNotDone();
    }

    @Test
    void whatStillWaitsAtAStopIsDroppedAndCounted() {
        EventQueue q = new EventQueue(task -> true, new LongAdder());
        EventQueue.Event a = event(1);
        EventQueue.Event b = event(2);
        q.add(a);
        q.add(b);
        q.dropAll();
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(a.done()).isCompletedExceptionally();
        assertThat(b.done()).isCompletedExceptionally();
    }
}
