package org.iotgateway.driver.serial.parser;

/**
 * Plantower PMS5003 (also PMS7003, same 32-byte frame) in active mode: {@code 42 4D}, frame length
 * 28, thirteen big-endian words, and a checksum word equal to the sum of the 30 bytes before it.
 * Fields: {@code pm1.0}, {@code pm2.5}, {@code pm10} (µg/m³, atmospheric environment),
 * {@code pm1.0-cf1}, {@code pm2.5-cf1}, {@code pm10-cf1} (standard particle), and {@code n0.3},
 * {@code n0.5}, {@code n1.0}, {@code n2.5}, {@code n5.0}, {@code n10} (particles per 0.1 l).
 */
public final class Pms5003Parser implements Parser, BinaryFrame {
    public static final int FRAME_LENGTH = 32;
    private static final byte[] HEADER = {0x42, 0x4d};
    private static final String[] FIELDS = {
        "pm1.0-cf1", "pm2.5-cf1", "pm10-cf1", "pm1.0", "pm2.5", "pm10",
        "n0.3", "n0.5", "n1.0", "n2.5", "n5.0", "n10"};

    @Override
    public byte[] header() {
        return HEADER.clone();
    }

    @Override
    public int length() {
        return FRAME_LENGTH;
    }

    @Override
    public String check(byte[] frame) {
        if (word(frame, 2) != FRAME_LENGTH - 4) {
            return "bad-length";
        }
        int sum = 0;
        for (int i = 0; i < FRAME_LENGTH - 2; i++) {
            sum += frame[i] & 0xff;
        }
        return sum == word(frame, FRAME_LENGTH - 2) ? null : "checksum";
    }

    @Override
    public void parse(byte[] frame, int off, int len, FieldSink out) throws BadInput {
        if (len != FRAME_LENGTH) {
            throw new BadInput("partial-frame", len + " bytes, a frame has " + FRAME_LENGTH);
        }
        for (int i = 0; i < FIELDS.length; i++) {
            out.field(FIELDS[i], word(frame, off + 4 + 2 * i));
        }
    }

    static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    /** Builds a valid frame for the given 13 data words; for tests and simulators. */
    public static byte[] frame(int... words) {
        byte[] f = new byte[FRAME_LENGTH];
        f[0] = HEADER[0];
        f[1] = HEADER[1];
        f[3] = FRAME_LENGTH - 4;
        for (int i = 0; i < 13; i++) {
            int w = i < words.length ? words[i] : 0;
            f[4 + 2 * i] = (byte) (w >> 8);
            f[5 + 2 * i] = (byte) w;
        }
        int sum = 0;
        for (int i = 0; i < FRAME_LENGTH - 2; i++) {
            sum += f[i] & 0xff;
        }
        f[30] = (byte) (sum >> 8);
        f[31] = (byte) sum;
        return f;
    }
}
