package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The takeover a broker does not name: flaps in a row raise it; a broker going down never does. */
class KickedOffTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    @Test
    void threeYoungFlapsInARowRaiseTheAlarm() {
        KickedOff k = new KickedOff();
        long t = 1_000 * S;
        assertThat(k.connected(t, false)).isFalse();
        // Connected for an hour, then the twin arrives: an old connection, not yet counted.
        t += 3_600 * S;
        assertThat(k.lost(t, false)).isTrue();
        assertThat(k.connected(t + S / 4, false)).isFalse();
        t += S;
        assertThat(k.lost(t, false)).as("each flap keeps the backoff growing").isTrue();
        assertThat(k.connected(t + S / 2, false)).isFalse();
        t += 2 * S;
        assertThat(k.lost(t, false)).isTrue();
        assertThat(k.connected(t + S, false)).isFalse();
        t += 20 * S;
        assertThat(k.lost(t, false)).isTrue();
        assertThat(k.connected(t + S, false)).as("the third young flap within two minutes").isTrue();
    }

    @Test
    void aBrokerThatIsDownBetweenLossesNeverLooksLikeATakeover() {
        KickedOff k = new KickedOff();
        long t = 0;
        k.connected(t, false);
        for (int i = 0; i < 10; i++) {
            t += S / 2;
            k.lost(t, false);
            k.connectFailed();
            t += S;
            assertThat(k.connected(t, false)).isFalse();
        }
    }

    @Test
    void flapsWhileAClusterSettlesAfterAFailoverDoNotCountButATwinIsFoundAfterwards() {
        KickedOff k = new KickedOff();
        long t = 0;
        k.connected(t, false);
        // The node dies: the first attempt (same node) fails, the next node answers.
        t += 60 * S;
        k.lost(t, false);
        k.connectFailed();
        t += S;
        assertThat(k.connected(t, false)).isFalse();
        // That node closes five new connections in a row right after accepting them, for 6 s.
        for (int i = 0; i < 5; i++) {
            t += S / 100;
            k.lost(t, false);
            t += S;
            assertThat(k.connected(t, false)).as("flap %d while the cluster settles", i).isFalse();
        }
        // Past the settling time the same pattern is a twin again.
        t += KickedOff.SETTLE_NANOS;
        boolean alarm = false;
        for (int i = 0; i < KickedOff.STREAK + 1 && !alarm; i++) {
            t += S / 100;
            k.lost(t, false);
            t += S;
            alarm = k.connected(t, false);
        }
        assertThat(alarm).isTrue();
    }

    @Test
    void explainedLossesNeitherCountNorBreakAStreak() {
        KickedOff k = new KickedOff();
        long t = 0;
        k.connected(t, false);
        t += S;
        k.lost(t, false);
        k.connected(t, false);
        for (int i = 0; i < 5; i++) { // the same message again: a broker refusing it, not a twin
            t += S;
            assertThat(k.lost(t, true)).isFalse();
            assertThat(k.connected(t, false)).isFalse();
        }
        t += S;
        k.lost(t, false);
        assertThat(k.connected(t, false)).isFalse();
        t += S;
        k.lost(t, false);
        assertThat(k.connected(t, false)).isTrue();
    }

    @Test
    void flapsSpreadOverMoreThanTwoMinutesOrAfterOldConnectionsDoNotCount() {
        KickedOff k = new KickedOff();
        long t = 0;
        k.connected(t, false);
        for (int i = 0; i < 6; i++) {
            t += 61 * S; // each connection older than a minute: a flaky link, not a twin
            k.lost(t, false);
            assertThat(k.connected(t, false)).isFalse();
        }
        for (int i = 0; i < 6; i++) {
            t += 59 * S; // young, but reconnected 5 s later: two flaps at most within two minutes
            k.lost(t, false);
            t += 5 * S;
            assertThat(k.connected(t, false)).isFalse();
        }
    }

    @Test
    void duringAKnownConflictEveryFlapCountsHoweverLongItsConnectionLasted() {
        KickedOff k = new KickedOff();
        long t = 0;
        k.connected(t, true);
        t += 600 * S;
        k.lost(t, false);
        assertThat(k.connected(t + S, true)).isTrue();
    }
}
