package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.outbox.LossReason;
import org.junit.jupiter.api.Test;

class ReasonCodeTest {
    @Test
    void theIssuesPermanentAndTransientRefusals() {
        assertThat(ReasonCode.ofPuback(0x87).permanent()).isTrue();
        assertThat(ReasonCode.ofPuback(0x90).permanent()).isTrue();
        assertThat(ReasonCode.ofPuback(0x99).permanent()).isTrue();
        assertThat(ReasonCode.ofPuback(0x97).permanent()).isFalse();
        assertThat(ReasonCode.ofPuback(0x80).permanent()).isFalse();
        assertThat(ReasonCode.ofPuback(0x83).permanent()).isFalse();
        assertThat(ReasonCode.ofPuback(0x91).permanent()).isFalse();
        assertThat(ReasonCode.ofPuback(0x87).loss()).isEqualTo(LossReason.REFUSED_NOT_AUTHORIZED);
        // An unknown code is a refusal all the same, retried like an unspecified one.
        assertThat(ReasonCode.ofPuback(0xA2)).isEqualTo(ReasonCode.OTHER);
        assertThat(ReasonCode.OTHER.permanent()).isFalse();
    }

    @Test
    void theLedgerAndStatusNamesAreTheReasonCodesNames() {
        for (ReasonCode r : ReasonCode.values()) {
            if (r != ReasonCode.OTHER) {
                assertThat(r.loss().wire()).isEqualTo(r.wire());
            }
        }
    }

    @Test
    void describesAnyCodeWithItsMeaning() {
        assertThat(ReasonCode.describe(0x8E)).isEqualTo("0x8E session taken over");
        assertThat(ReasonCode.describe(0x9C)).isEqualTo("0x9C use another server");
        assertThat(ReasonCode.describe(0x87)).isEqualTo("0x87 not authorized");
    }

    @Test
    void aServerReferenceBecomesAUriWithTheCurrentSchemeAndPort() {
        assertThat(ServerDisconnects.reference("other.example:1884", "ssl://a.example:8883"))
                .isEqualTo("ssl://other.example:1884");
        assertThat(ServerDisconnects.reference("other.example second.example", "tcp://a.example:1883"))
                .isEqualTo("tcp://other.example:1883");
        assertThat(ServerDisconnects.reference("tcp://x:1", "ssl://a:8883")).isEqualTo("tcp://x:1");
        assertThat(ServerDisconnects.reference(" ", "tcp://a:1883")).isNull();
    }

    @Test
    void packetSizesAreThePublishPacketsOnTheWire() {
        // fixed header 1 + remaining-length 1 + topic 2+3 + packet id 2 + payload 5 = 14 (3.1.1)
        assertThat(PacketSize.publish("a/b", 5, 1, 0, false)).isEqualTo(14);
        // MQTT 5 adds the properties length (1) and the message expiry property (5)
        assertThat(PacketSize.publish("a/b", 5, 1, 5, true)).isEqualTo(20);
        // 200 bytes of remaining length take two bytes to encode
        assertThat(PacketSize.publish("a/b", 193, 1, 0, false)).isEqualTo(1 + 2 + 200);
        // a topic's UTF-8 length without encoding it: °C is 3 bytes, an emoji 4
        for (String t : java.util.List.of("a/b", "env/°C", "x/\uD83D\uDE00/y", "日本/温度")) {
            assertThat(PacketSize.utf8Length(t)).as(t).isEqualTo(t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }
}
