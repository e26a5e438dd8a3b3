package org.iotgateway.driver.modbus.codec;

/**
 * Modbus TCP framing: the MBAP header (transaction id, protocol id 0, length of what follows, unit
 * id) before the PDU. The stream is framed by the length field; a reply is matched to its request
 * by transaction id, so a late reply to an earlier, timed-out request is skipped, not mistaken.
 * Pure; never throws on bytes from the wire.
 */
public final class Mbap {
    static final int HEADER = 7;
    private static final int MAX_LENGTH = 254;

    private Mbap() {
    }

    public static byte[] request(int transaction, ReadRequest r) {
        return frame(transaction, r.unit(), Pdu.request(r));
    }

    public static byte[] reply(int transaction, int unit, ReadFunction f, Reply r) {
        return frame(transaction, unit, Pdu.reply(f, r));
    }

    static byte[] frame(int transaction, int unit, byte[] pdu) {
        byte[] out = new byte[HEADER + pdu.length];
        int length = pdu.length + 1;
        out[0] = (byte) (transaction >>> 8);
        out[1] = (byte) transaction;
        out[4] = (byte) (length >>> 8);
        out[5] = (byte) length;
        out[6] = (byte) unit;
        System.arraycopy(pdu, 0, out, HEADER, pdu.length);
        return out;
    }

    /** The read request in one whole request frame, or null. */
    public static ReadRequest parseRequest(byte[] b, int off, int len) {
        if (len != HEADER + Pdu.REQUEST_LENGTH || Pdu.u16(b, off + 2) != 0
                || Pdu.u16(b, off + 4) != Pdu.REQUEST_LENGTH + 1) {
            return null;
        }
        return Pdu.parseRequest(b[off + 6] & 0xff, b, off + HEADER, Pdu.REQUEST_LENGTH);
    }

    /**
     * Looks for the reply with {@code transaction} to {@code request} in the first {@code len}
     * bytes of {@code b}, skipping whole replies with other transaction ids.
     */
    public static Scan scan(ReadRequest request, int transaction, byte[] b, int len) {
        int s = 0;
        while (len - s >= HEADER) {
            int protocol = Pdu.u16(b, s + 2);
            int length = Pdu.u16(b, s + 4);
            if (protocol != 0 || length < 2 || length > MAX_LENGTH) {
                return new Scan.Failed("bad-frame", "MBAP header with protocol " + protocol + " and length "
                        + length, true);
            }
            int end = s + 6 + length;
            if (end > len) {
                return Scan.PENDING;
            }
            if (Pdu.u16(b, s) == transaction) {
                int unit = b[s + 6] & 0xff;
                if (unit != request.unit()) {
                    return new Scan.Failed("wrong-unit", "unit " + unit + " answered a request to unit "
                            + request.unit(), false);
                }
                return new Scan.Found(Pdu.parseReply(request, b, s + HEADER, length - 1), s, end);
            }
            s = end;
        }
        return Scan.PENDING;
    }
}
