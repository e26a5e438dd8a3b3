package org.iotgateway.driver.serial;

import jssc.SerialPort;

/** Serial parity; in YAML: none, even, odd, mark, space. */
public enum Parity {
    NONE(SerialPort.PARITY_NONE), EVEN(SerialPort.PARITY_EVEN), ODD(SerialPort.PARITY_ODD),
    MARK(SerialPort.PARITY_MARK), SPACE(SerialPort.PARITY_SPACE);

    final int jssc;

    Parity(int jssc) {
        this.jssc = jssc;
    }

    /** The constant jssc's {@code setParams} takes. */
    public int jssc() {
        return jssc;
    }

    /** Bits on the line per character for this parity: 0 for none, else 1. */
    public int bits() {
        return this == NONE ? 0 : 1;
    }
}
