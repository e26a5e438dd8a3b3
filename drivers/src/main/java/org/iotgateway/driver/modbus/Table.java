package org.iotgateway.driver.modbus;

import org.iotgateway.driver.modbus.codec.ReadFunction;

/** The four Modbus data tables; in YAML: holding, input, coil, discrete. */
public enum Table {
    /** Holding registers (read/write, 4xxxx in the 1-based notation), function 3. */
    HOLDING(ReadFunction.READ_HOLDING_REGISTERS),
    /** Input registers (read-only, 3xxxx), function 4. */
    INPUT(ReadFunction.READ_INPUT_REGISTERS),
    /** Coils (read/write bits, 0xxxx), function 1. */
    COIL(ReadFunction.READ_COILS),
    /** Discrete inputs (read-only bits, 1xxxx), function 2. */
    DISCRETE(ReadFunction.READ_DISCRETE_INPUTS);

    final ReadFunction function;

    Table(ReadFunction function) {
        this.function = function;
    }

    boolean bits() {
        return function.bits();
    }
}
