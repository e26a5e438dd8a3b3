package org.iotgateway.driver.modbus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RTU framing against frames taken from device manuals and mbpoll, and each way a reply goes wrong. */
class RtuTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final ReadRequest SDM_VOLTAGE = new ReadRequest(1, ReadFunction.READ_INPUT_REGISTERS, 0, 2);

    @Test
    void requestsAreTheBytesDeviceManualsShow() {
        // Eastron SDM630 Modbus protocol, "read phase 1 voltage": 01 04 00 00 00 02 71 CB
        assertThat(HEX.formatHex(Rtu.request(SDM_VOLTAGE))).isEqualTo("01 04 00 00 00 02 71 cb");
        // The Modbus over serial line specification's example CRC: 01 03 00 00 00 0A C5 CD
        assertThat(HEX.formatHex(Rtu.request(new ReadRequest(1, ReadFunction.READ_HOLDING_REGISTERS, 0, 10))))
                .isEqualTo("01 03 00 00 00 0a c5 cd");
        assertThat(Rtu.parseRequest(HEX.parseHex("01 04 00 00 00 02 71 cb"), 0, 8)).isEqualTo(SDM_VOLTAGE);
        assertThat(Rtu.parseRequest(HEX.parseHex("01 04 00 00 00 02 71 cc"), 0, 8)).isNull();
    }

    @Test
    void aReplyIsFoundByItsContentEvenAfterNoise() {
        // 230.5 V as float32 ABCD: 43 66 80 00
        byte[] reply = Rtu.reply(1, ReadFunction.READ_INPUT_REGISTERS, new Reply.Data(HEX.parseHex("43 66 80 00")));
        assertThat(HEX.formatHex(reply)).startsWith("01 04 04 43 66 80 00");
        byte[] noisy = concat(HEX.parseHex("00 ff 13"), reply, HEX.parseHex("aa"));
        Scan scan = Rtu.scan(SDM_VOLTAGE, noisy, 0, noisy.length);
        assertThat(scan).isEqualTo(new Scan.Found(new Reply.Data(HEX.parseHex("43 66 80 00")), 3, 3 + reply.length));
        for (int n = 0; n < reply.length; n++) {
            assertThat(Rtu.scan(SDM_VOLTAGE, reply, 0, n)).as("first %d bytes", n).isEqualTo(Scan.PENDING);
        }
    }

    @Test
    void everyWayAReplyGoesWrongHasItsReason() {
        byte[] good = Rtu.reply(1, ReadFunction.READ_INPUT_REGISTERS, new Reply.Data(new byte[4]));
        byte[] crc = good.clone();
        crc[crc.length - 1] ^= 0x01;
        assertThat(Rtu.scan(SDM_VOLTAGE, crc, 0, crc.length)).isInstanceOfSatisfying(Scan.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("crc"));
        byte[] other = Rtu.reply(2, ReadFunction.READ_INPUT_REGISTERS, new Reply.Data(new byte[4]));
        assertThat(Rtu.scan(SDM_VOLTAGE, other, 0, other.length)).isInstanceOfSatisfying(Scan.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("wrong-unit"));
        byte[] refusal = Rtu.reply(1, ReadFunction.READ_INPUT_REGISTERS, new Reply.Refusal(2));
        assertThat(HEX.formatHex(refusal)).isEqualTo("01 84 02 c2 c1");
        assertThat(Rtu.scan(SDM_VOLTAGE, refusal, 0, refusal.length)).isEqualTo(
                new Scan.Found(new Reply.Refusal(2), 0, 5));
        assertThat(new Reply.Refusal(2).reason()).isEqualTo("illegal-data-address");
        assertThat(new Reply.Refusal(12).reason()).isEqualTo("exception-12");
        byte[] shortReply = Rtu.reply(1, ReadFunction.READ_INPUT_REGISTERS, new Reply.Data(new byte[2]));
        assertThat(Rtu.scan(SDM_VOLTAGE, shortReply, 0, shortReply.length)).isInstanceOfSatisfying(Scan.Found.class,
                f -> assertThat(f.reply()).isInstanceOf(Reply.Malformed.class));
        byte[] noise = HEX.parseHex("00 ff 13 37 55");
        assertThat(Rtu.scan(SDM_VOLTAGE, noise, 0, noise.length)).isEqualTo(Scan.NOISE);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
