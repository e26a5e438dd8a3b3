package org.iotgateway.driver.modbus.codec;

import java.util.Arrays;

/**
 * The protocol data unit of the four read functions, shared by RTU and TCP framing: encodes
 * requests and replies, decodes them. Pure; never throws on bytes from the wire.
 */
public final class Pdu {
    static final int REQUEST_LENGTH = 5;

    private Pdu() {
    }

    /** Function code, start address and quantity, big-endian. */
    public static byte[] request(ReadRequest r) {
        return new byte[] {(byte) r.function().code(), (byte) (r.address() >>> 8), (byte) r.address(),
            (byte) (r.quantity() >>> 8), (byte) r.quantity()};
    }

    /** The read request in {@code len} bytes at {@code off} addressed to {@code unit}, or null if they are none. */
    public static ReadRequest parseRequest(int unit, byte[] b, int off, int len) {
        ReadFunction f = len == REQUEST_LENGTH ? ReadFunction.of(b[off] & 0xff) : null;
        if (f == null) {
            return null;
        }
        int address = u16(b, off + 1);
        int quantity = u16(b, off + 3);
        if (quantity < 1 || quantity > f.maxQuantity() || address + quantity > 65536) {
            return null;
        }
        return new ReadRequest(unit, f, address, quantity);
    }

    /** A reply PDU: function code, byte count and data; or function code + 0x80 and the exception code. */
    public static byte[] reply(ReadFunction f, Reply r) {
        if (r instanceof Reply.Refusal refusal) {
            return new byte[] {(byte) (f.code() | 0x80), (byte) refusal.code()};
        }
        if (!(r instanceof Reply.Data data) || data.length() > 255) {
            throw new IllegalArgumentException("cannot encode " + r);
        }
        byte[] out = new byte[2 + data.length()];
        out[0] = (byte) f.code();
        out[1] = (byte) data.length();
        System.arraycopy(data.bytes(), 0, out, 2, data.length());
        return out;
    }

    /**
     * The length of the reply PDU to {@code f} that starts at {@code off}, from its first one or two
     * bytes: -1 when {@code available} bytes do not tell yet, 0 when the first byte is neither
     * {@code f} nor its exception code.
     */
    static int replyLength(ReadFunction f, byte[] b, int off, int available) {
        if (available < 1) {
            return -1;
        }
        int code = b[off] & 0xff;
        if (code == (f.code() | 0x80)) {
            return 2;
        }
        if (code != f.code()) {
            return 0;
        }
        return available < 2 ? -1 : 2 + (b[off + 1] & 0xff);
    }

    /** Decodes the reply PDU of {@code len} bytes at {@code off} to {@code request}. */
    public static Reply parseReply(ReadRequest request, byte[] b, int off, int len) {
        int fc = request.function().code();
        int code = len < 1 ? -1 : b[off] & 0xff;
        if (code == (fc | 0x80)) {
            return len == 2 ? new Reply.Refusal(b[off + 1] & 0xff)
                    : new Reply.Malformed("exception reply of " + len + " bytes, expected 2");
        }
        if (code != fc) {
            return new Reply.Malformed(len < 1 ? "empty reply" : String.format(
                    "function 0x%02x in the reply to function %d", code, fc));
        }
        int count = len < 2 ? -1 : b[off + 1] & 0xff;
        if (count != len - 2) {
            return new Reply.Malformed("byte count " + count + " in a reply of " + len + " bytes");
        }
        if (count != request.byteCount()) {
            return new Reply.Malformed("byte count " + count + ", expected " + request.byteCount() + " for "
                    + request.quantity() + (request.function().bits() ? " bits" : " registers"));
        }
        return new Reply.Data(Arrays.copyOfRange(b, off + 2, off + len));
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }
}
