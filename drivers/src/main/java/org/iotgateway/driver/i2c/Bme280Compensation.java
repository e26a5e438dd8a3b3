package org.iotgateway.driver.i2c;

/**
 * The BME280 datasheet's integer compensation formulas (section 4.2.3: 32-bit temperature and
 * humidity, 64-bit pressure), transcribed operation for operation so results match the vendor's
 * to the last bit. Pure; any thread.
 */
final class Bme280Compensation {
    private final Bme280Calibration c;

    Bme280Compensation(Bme280Calibration c) {
        this.c = c;
    }

    /** t_fine, the temperature term the pressure and humidity formulas need. */
    int tFine(int adcT) {
        int var1 = (((adcT >> 3) - (c.t1() << 1)) * c.t2()) >> 11;
        int var2 = (((((adcT >> 4) - c.t1()) * ((adcT >> 4) - c.t1())) >> 12) * c.t3()) >> 14;
        return var1 + var2;
    }

    /** Temperature in 0.01 °C. */
    static int temperature(int tFine) {
        return (tFine * 5 + 128) >> 8;
    }

    /** Pressure in Pa as unsigned Q24.8 (divide by 256); 0 when the calibration would divide by zero. */
    long pressure(int adcP, int tFine) {
        long var1 = (long) tFine - 128000;
        long var2 = var1 * var1 * c.p6();
        var2 = var2 + ((var1 * c.p5()) << 17);
        var2 = var2 + (((long) c.p4()) << 35);
        var1 = ((var1 * var1 * c.p3()) >> 8) + ((var1 * c.p2()) << 12);
        var1 = (((1L << 47) + var1) * c.p1()) >> 33;
        if (var1 == 0) {
            return 0;
        }
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (((long) c.p9()) * (p >> 13) * (p >> 13)) >> 25;
        var2 = (((long) c.p8()) * p) >> 19;
        return ((p + var1 + var2) >> 8) + (((long) c.p7()) << 4);
    }

    /** Relative humidity in %RH as unsigned Q22.10 (divide by 1024). */
    int humidity(int adcH, int tFine) {
        int v = tFine - 76800;
        v = ((((adcH << 14) - (c.h4() << 20) - (c.h5() * v)) + 16384) >> 15)
                * (((((((v * c.h6()) >> 10) * (((v * c.h3()) >> 11) + 32768)) >> 10) + 2097152) * c.h2() + 8192) >> 14);
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * c.h1()) >> 4);
        v = Math.max(0, Math.min(v, 419430400));
        return v >> 12;
    }
}
