package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The publisher's wait for commits: a wake-up is never lost between its look at its state and the wait. */
class CommitSignalTest {

    @Test
    void aWakeUpBetweenTheLookAndTheWaitEndsTheWaitAtOnce() throws Exception {
        CommitSignal signal = new CommitSignal(10);
        long woken = signal.wakes();
        signal.wakeAll(); // e.g. a refusal set the rewind flag after the loop had looked at it
        long start = System.nanoTime();
        assertThat(signal.await(11, 60_000, woken)).isFalse();
        assertThat(System.nanoTime() - start).as("returned without waiting for the minute").isLessThan(30_000_000_000L);
    }

    @Test
    void aRewindEndsTheWaitAndACommitSatisfiesIt() throws Exception {
        CommitSignal signal = new CommitSignal(10);
        long woken = signal.wakes();
        signal.rewind();
        assertThat(signal.await(11, 60_000, woken)).isFalse();
        signal.committed(11);
        assertThat(signal.await(11, 60_000, signal.wakes())).isTrue();
    }

    @Test
    void withoutAWakeUpTheWaitLastsItsTimeout() throws Exception {
        CommitSignal signal = new CommitSignal(10);
        assertThat(signal.await(11, 50, signal.wakes())).isFalse();
        assertThat(signal.committedSeq()).isEqualTo(10);
    }
}
