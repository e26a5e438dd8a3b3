package org.iotgateway.driver.modbus.codec;

/** The CRC-16 of Modbus RTU (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first. */
public final class Crc16 {
    private static final int[] TABLE = table();

    private Crc16() {
    }

    public static int of(byte[] bytes, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xff];
        }
        return crc;
    }

    /** Whether the two bytes after {@code len} bytes at {@code off} are their CRC (low byte first). */
    static boolean follows(byte[] bytes, int off, int len) {
        int crc = of(bytes, off, len);
        return (bytes[off + len] & 0xff) == (crc & 0xff) && (bytes[off + len + 1] & 0xff) == crc >>> 8;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }
}
