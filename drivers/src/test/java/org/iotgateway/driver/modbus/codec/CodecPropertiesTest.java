package org.iotgateway.driver.modbus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The frame codec on arbitrary bytes never throws, and decodes every request and reply it
 * encodes back to what was encoded, with any noise before an RTU reply.
 */
class CodecPropertiesTest {

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll("requests") ReadRequest request, @ForAll @Size(max = 300) byte[] bytes,
            @ForAll @IntRange(max = 65535) int transaction) {
        Scan rtu = Rtu.scan(request, bytes, 0, bytes.length);
        Scan tcp = Mbap.scan(request, transaction, bytes, bytes.length);
        assertThat(rtu).isNotNull();
        assertThat(tcp).isNotNull();
        if (rtu instanceof Scan.Found f) {
            assertThat(f.start()).isBetween(0, f.end());
            assertThat(f.end()).isLessThanOrEqualTo(bytes.length);
        }
        Rtu.parseRequest(bytes, 0, bytes.length);
        Mbap.parseRequest(bytes, 0, bytes.length);
        Pdu.parseReply(request, bytes, 0, bytes.length);
    }

    @Property(tries = 2000)
    void requestsRoundTrip(@ForAll("requests") ReadRequest request, @ForAll @IntRange(max = 65535) int transaction) {
        byte[] rtu = Rtu.request(request);
        assertThat(Rtu.parseRequest(rtu, 0, rtu.length)).isEqualTo(request);
        byte[] tcp = Mbap.request(transaction, request);
        assertThat(Mbap.parseRequest(tcp, 0, tcp.length)).isEqualTo(request);
        assertThat(Pdu.u16(tcp, 0)).isEqualTo(transaction);
    }

    @Property(tries = 2000)
    void repliesRoundTrip(@ForAll("requests") ReadRequest request, @ForAll("replies") Reply.Refusal refusal,
            @ForAll boolean refuse, @ForAll @Size(max = 20) byte[] noise, @ForAll @IntRange(max = 65535) int transaction) {
        byte[] data = new byte[request.byteCount()];
        new java.util.Random(transaction).nextBytes(data);
        Reply reply = refuse ? refusal : new Reply.Data(data);
        byte[] rtu = Rtu.reply(request.unit(), request.function(), reply);
        byte[] line = RtuTest.concat(noise, rtu);
        Scan found = Rtu.scan(request, line, 0, line.length);
        assertThat(found).isInstanceOf(Scan.Found.class);
        assertThat(((Scan.Found) found).reply()).isEqualTo(reply);
        byte[] tcp = Mbap.reply(transaction, request.unit(), request.function(), reply);
        assertThat(Mbap.scan(request, transaction, tcp, tcp.length))
                .isEqualTo(new Scan.Found(reply, 0, tcp.length));
    }

    @Provide
    Arbitrary<ReadRequest> requests() {
        return Combinators.combine(Arbitraries.integers().between(1, 247), Arbitraries.of(ReadFunction.class),
                Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(1, 2000))
                .as((unit, f, address, quantity) -> {
                    int q = Math.min(quantity, f.maxQuantity());
                    return new ReadRequest(unit, f, Math.min(address, 65536 - q), q);
                });
    }

    @Provide
    Arbitrary<Reply.Refusal> replies() {
        return Arbitraries.integers().between(1, 255).map(Reply.Refusal::new);
    }
}
