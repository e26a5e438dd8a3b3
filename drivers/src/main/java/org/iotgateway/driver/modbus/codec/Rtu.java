package org.iotgateway.driver.modbus.codec;

/**
 * Modbus RTU framing: unit id, PDU, CRC-16 low byte first. A reply is found by its content (unit,
 * function, byte count, CRC), not by inter-character timing, which USB adapters blur
 * (an FTDI chip holds bytes up to 16 ms). Pure; never throws on bytes from the wire.
 */
public final class Rtu {
    private Rtu() {
    }

    public static byte[] request(ReadRequest r) {
        return frame(r.unit(), Pdu.request(r));
    }

    public static byte[] reply(int unit, ReadFunction f, Reply r) {
        return frame(unit, Pdu.reply(f, r));
    }

    /** The length of the normal reply to {@code r} on the wire. */
    public static int replyLength(ReadRequest r) {
        return 5 + r.byteCount();
    }

    static byte[] frame(int unit, byte[] pdu) {
        byte[] out = new byte[pdu.length + 3];
        out[0] = (byte) unit;
        System.arraycopy(pdu, 0, out, 1, pdu.length);
        int crc = Crc16.of(out, 0, pdu.length + 1);
        out[pdu.length + 1] = (byte) crc;
        out[pdu.length + 2] = (byte) (crc >>> 8);
        return out;
    }

    /** The read request in the {@code len} bytes at {@code off} (a whole frame, CRC checked), or null. */
    public static ReadRequest parseRequest(byte[] b, int off, int len) {
        if (len != Pdu.REQUEST_LENGTH + 3 || !Crc16.follows(b, off, Pdu.REQUEST_LENGTH + 1)) {
            return null;
        }
        return Pdu.parseRequest(b[off] & 0xff, b, off + 1, Pdu.REQUEST_LENGTH);
    }

    /**
     * Looks for the reply to {@code request} in the {@code len} bytes at {@code off} of {@code b},
     * at any offset (noise may come first). A frame with the request's unit and function but a
     * wrong CRC is a {@code crc} failure; a frame with a correct CRC from another unit is
     * {@code wrong-unit}. Offsets in a {@link Scan.Found} are indices into {@code b}.
     */
    public static Scan scan(ReadRequest request, byte[] b, int off, int len) {
        ReadFunction f = request.function();
        int limit = off + len;
        boolean pending = false;
        Scan.Failed failed = null;
        int failedEnd = off; // an incomplete "frame" inside a broken one is more likely its bytes than a new reply
        for (int s = off; s < limit; s++) {
            int pduLength = Pdu.replyLength(f, b, s + 1, limit - s - 1);
            if (pduLength == 0) {
                continue;
            }
            if (pduLength < 0 || s + pduLength + 3 > limit) {
                pending |= s >= failedEnd && (s + 1 < limit || (b[s] & 0xff) == request.unit());
                continue;
            }
            int unit = b[s] & 0xff;
            boolean crc = Crc16.follows(b, s, pduLength + 1);
            if (unit == request.unit() && crc) {
                return new Scan.Found(Pdu.parseReply(request, b, s + 1, pduLength), s, s + pduLength + 3);
            }
            if (unit == request.unit() || crc) {
                failedEnd = Math.max(failedEnd, s + pduLength + 3);
            }
            if (unit == request.unit() && (failed == null || !failed.reason().equals("crc"))) {
                failed = new Scan.Failed("crc", "CRC error in a " + (pduLength + 3) + "-byte reply from unit " + unit,
                        false);
            } else if (crc && failed == null) {
                failed = new Scan.Failed("wrong-unit", "unit " + unit + " answered a request to unit "
                        + request.unit(), false);
            }
        }
        if (pending) {
            return Scan.PENDING;
        }
        return failed != null ? failed : len == 0 ? Scan.PENDING : Scan.NOISE;
    }
}
