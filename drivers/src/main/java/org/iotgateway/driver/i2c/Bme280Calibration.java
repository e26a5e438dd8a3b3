package org.iotgateway.driver.i2c;

/**
 * The trimming parameters a BME280 stores at 0x88–0xA1 and 0xE1–0xE7 (datasheet table 16).
 */
record Bme280Calibration(int t1, int t2, int t3, int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8,
        int p9, int h1, int h2, int h3, int h4, int h5, int h6) {

    /**
     * @param a the 26 bytes from 0x88 (dig_T1 … dig_P9, a reserved byte, dig_H1 at 0xA1)
     * @param b the 7 bytes from 0xE1 (dig_H2 … dig_H6)
     */
    static Bme280Calibration parse(byte[] a, byte[] b) {
        return new Bme280Calibration(u16(a, 0), s16(a, 2), s16(a, 4),
                u16(a, 6), s16(a, 8), s16(a, 10), s16(a, 12), s16(a, 14), s16(a, 16), s16(a, 18), s16(a, 20),
                s16(a, 22), a[25] & 0xff,
                s16(b, 0), b[2] & 0xff,
                (b[3] << 4) | (b[4] & 0x0f),          // dig_H4: 0xE4[11:4], 0xE5[3:0], signed
                (b[5] << 4) | ((b[4] & 0xff) >> 4),   // dig_H5: 0xE6[11:4], 0xE5[7:4], signed
                b[6]);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int s16(byte[] b, int at) {
        return (short) u16(b, at);
    }
}
