package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedMessageTest {
    static RetainedMessage m(String topic, String payload) {
        return new RetainedMessage(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTopicThatIsGoneGetsAnEmptyMessageBeforeTheNewSet() {
        List<RetainedMessage> out = RetainedMessage.replacing(List.of(m("ha/a", "1"), m("ha/b", "2")),
                List.of(m("ha/b", "2'"), m("ha/c", "3")));
        assertThat(out).extracting(r -> r.topic() + "=" + new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly("ha/a=", "ha/b=2'", "ha/c=3");
    }
}
