package org.iotgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedTopicsTest {
    private final SharedTopics check = new SharedTopics();

    @Test
    void channelsWhoseTopicsMergeAreReportedAtTheSecondWithTheLineOfTheFirst() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                mqtt: {topic: "plant/{gateway}/{sensor}{channel}"}
                sensors:
                  - id: ab
                    driver: simulated
                    channels: [{id: c}]
                  - id: a
                    driver: simulated
                    channels: [{id: bc}]
                """)).containsExactly("gw.yaml:9:21: channel a/bc publishes to topic 'plant/g/abc', as does channel "
                + "ab/c (line 6): subscribers cannot tell them apart; separate {sensor} and {channel} with '/' in mqtt.topic");
    }

    @Test
    void aChannelOnTheStatusTopicIsReported() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                mqtt: {topic: "{gateway}/{sensor}{channel}"}
                sensors:
                  - id: sta
                    driver: simulated
                    channels: [{id: tus}]
                """)).singleElement().asString().contains("publishes to topic 'g/status', as does the gateway's status");
    }

    @Test
    void theDefaultTemplateKeepsEveryChannelApart() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                sensors:
                  - id: ab
                    driver: simulated
                    channels: [{id: c}, {id: status}]
                  - id: a
                    driver: simulated
                    channels: [{id: bc}]
                """)).isEmpty();
    }
}
