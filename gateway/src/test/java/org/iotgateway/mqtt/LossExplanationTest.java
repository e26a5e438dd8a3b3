package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which lost connections may be a twin's doing, and which have another reason. */
class LossExplanationTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    private static ServerDisconnect closedByBroker() {
        return ServerDisconnect.dropped(new org.eclipse.paho.client.mqttv3.MqttException(32109, new EOFException()));
    }

    @Test
    void aSocketTheBrokerClosedWithoutAReasonIsUnexplained() {
        LossExplanation e = new LossExplanation();
        e.connected(0);
        assertThat(e.explains(closedByBroker(), 7, 0, S)).isFalse();
        assertThat(e.explains(ServerDisconnect.dropped(null), 9, 0, 2 * S)).isFalse();
    }

    @Test
    void aDisconnectCodeOrAKeepAliveTimeoutUnderEitherVersionExplainsTheLoss() {
        LossExplanation e = new LossExplanation();
        e.connected(0);
        assertThat(e.explains(new ServerDisconnect(0x8B, "shutting down", null, null), 1, 0, S)).isTrue();
        assertThat(e.explains(ServerDisconnect.dropped(new org.eclipse.paho.client.mqttv3.MqttException(32000)),
                2, 0, 2 * S)).as("v3 keep-alive timeout: the link went silent").isTrue();
        assertThat(e.explains(ServerDisconnect.dropped(new org.eclipse.paho.mqttv5.common.MqttException(32000)),
                3, 0, 3 * S)).as("v5 keep-alive timeout").isTrue();
    }

    @Test
    void aRefusalExplainsTheLossesOfTheNextMinute() {
        LossExplanation e = new LossExplanation();
        e.connected(0);
        assertThat(e.explains(closedByBroker(), 1, 1, S)).as("refused in this connection").isTrue();
        e.connected(1);
        assertThat(e.explains(closedByBroker(), 2, 1, 30 * S)).as("refused 29 s before").isTrue();
        e.connected(1);
        assertThat(e.explains(closedByBroker(), 3, 1, S + LossExplanation.REFUSAL_EXPLAINS_NANOS + S))
                .as("a minute after the last refusal").isFalse();
    }

    @Test
    void theSameOldestMessageAtTwoLossesInARowExplainsTheSecond() {
        LossExplanation e = new LossExplanation();
        e.connected(0);
        assertThat(e.explains(closedByBroker(), 5, 0, S)).isFalse();
        assertThat(e.explains(closedByBroker(), 5, 0, 2 * S)).isTrue();
        assertThat(e.explains(closedByBroker(), -1, 0, 3 * S)).as("nothing owed is never 'the same'").isFalse();
        assertThat(e.explains(closedByBroker(), -1, 0, 4 * S)).isFalse();
    }
}
