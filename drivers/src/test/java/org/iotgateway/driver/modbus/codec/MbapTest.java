package org.iotgateway.driver.modbus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** MBAP framing: known bytes, late replies skipped by transaction id, a stream out of step. */
class MbapTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final ReadRequest REQ = new ReadRequest(1, ReadFunction.READ_HOLDING_REGISTERS, 107, 3);

    @Test
    void requestBytesAsTheSpecificationShows() {
        // Modbus Messaging on TCP/IP guide: transaction, protocol 0, length 6, unit, PDU 03 00 6B 00 03
        assertThat(HEX.formatHex(Mbap.request(0x15, REQ))).isEqualTo("00 15 00 00 00 06 01 03 00 6b 00 03");
        assertThat(Mbap.parseRequest(Mbap.request(0x15, REQ), 0, 12)).isEqualTo(REQ);
    }

    @Test
    void aLateReplyToAnEarlierRequestIsSkipped() {
        byte[] late = Mbap.reply(6, 1, ReadFunction.READ_HOLDING_REGISTERS, new Reply.Data(new byte[6]));
        byte[] ours = Mbap.reply(7, 1, ReadFunction.READ_HOLDING_REGISTERS,
                new Reply.Data(HEX.parseHex("02 2b 00 00 00 64")));
        byte[] both = RtuTest.concat(late, ours);
        assertThat(Mbap.scan(REQ, 7, both, both.length)).isEqualTo(
                new Scan.Found(new Reply.Data(HEX.parseHex("02 2b 00 00 00 64")), late.length, both.length));
        assertThat(Mbap.scan(REQ, 7, both, both.length - 1)).isEqualTo(Scan.PENDING);
        assertThat(Mbap.scan(REQ, 7, late, late.length)).isEqualTo(Scan.PENDING);
    }

    @Test
    void aBadHeaderLosesTheStreamAndAnotherUnitIsWrongUnit() {
        byte[] bad = HEX.parseHex("00 07 00 01 00 06 01 03 00 00 00 01");
        assertThat(Mbap.scan(REQ, 7, bad, bad.length)).isInstanceOfSatisfying(Scan.Failed.class,
                f -> assertThat(f.streamLost()).isTrue());
        byte[] other = Mbap.reply(7, 9, ReadFunction.READ_HOLDING_REGISTERS, new Reply.Data(new byte[6]));
        assertThat(Mbap.scan(REQ, 7, other, other.length)).isInstanceOfSatisfying(Scan.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("wrong-unit"));
        byte[] refused = Mbap.reply(7, 1, ReadFunction.READ_HOLDING_REGISTERS, new Reply.Refusal(11));
        assertThat(Mbap.scan(REQ, 7, refused, refused.length)).isInstanceOfSatisfying(Scan.Found.class,
                f -> assertThat(((Reply.Refusal) f.reply()).reason()).isEqualTo("gateway-target-no-response"));
    }
}
