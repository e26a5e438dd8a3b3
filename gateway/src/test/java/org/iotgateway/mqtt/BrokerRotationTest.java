package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerRotationTest {
    private static final List<String> ORDER = List.of("tcp://b:1", "tcp://a:1", "tcp://c:1");

    @Test
    void startsAtTheFirstMovesOnAfterEachFailureAndWrapsAround() {
        BrokerRotation r = new BrokerRotation(ORDER, false);
        assertThat(r.home()).isEqualTo("tcp://b:1");
        assertThat(r.next()).isEqualTo("tcp://b:1");
        r.failed();
        assertThat(r.next()).isEqualTo("tcp://a:1");
        r.failed();
        assertThat(r.next()).isEqualTo("tcp://c:1");
        r.failed();
        assertThat(r.next()).isEqualTo("tcp://b:1");
        r.connected();
        assertThat(r.current()).isEqualTo("tcp://b:1");
        assertThat(r.failovers()).as("the first connection went to the home node").isZero();
    }

    @Test
    void aLostConnectionIsRetriedOnTheSameNodeAndAMoveIsAFailover() {
        BrokerRotation r = new BrokerRotation(ORDER, false);
        r.connected();
        r.lost(null);
        assertThat(r.next()).as("a blip must not move the gateway").isEqualTo("tcp://b:1");
        r.failed(); // the node is down
        r.connected();
        assertThat(r.current()).isEqualTo("tcp://a:1");
        assertThat(r.failovers()).isEqualTo(1);
        r.lost(null);
        assertThat(r.next()).as("stays on the node it failed over to").isEqualTo("tcp://a:1");
        r.connected();
        assertThat(r.failovers()).isEqualTo(1);
    }

    @Test
    void listedOrderStartsAgainFromTheFirstAfterALoss() {
        BrokerRotation r = new BrokerRotation(List.of("tcp://primary:1", "tcp://standby:1"), true);
        r.failed();
        r.connected();
        assertThat(r.current()).isEqualTo("tcp://standby:1");
        assertThat(r.failovers()).isEqualTo(1);
        r.lost(null);
        assertThat(r.next()).isEqualTo("tcp://primary:1");
    }

    @Test
    void aServerReferenceIsTriedNextAndKeptWhileItWorks() {
        BrokerRotation r = new BrokerRotation(ORDER, false);
        r.connected();
        r.lost("tcp://elsewhere:1");
        assertThat(r.next()).isEqualTo("tcp://elsewhere:1");
        r.connected();
        assertThat(r.failovers()).isEqualTo(1);
        r.lost(null);
        assertThat(r.next()).isEqualTo("tcp://elsewhere:1");
        r.failed();
        assertThat(r.next()).as("back to the list where it was").isEqualTo("tcp://b:1");
        r.failed();
        assertThat(r.next()).isEqualTo("tcp://a:1");
    }
}
