package org.iotgateway.driver.modbus.codec;

/**
 * One read request: {@code quantity} items from 0-based protocol address {@code address} of slave
 * {@code unit}.
 *
 * @param unit the slave id, 0–255 (RTU slaves are 1–247; a TCP device may take 0 or 255)
 * @param function what to read
 * @param address the first item, 0-based, as on the wire
 * @param quantity how many items, 1 to the function's maximum, not past address 65535
 */
public record ReadRequest(int unit, ReadFunction function, int address, int quantity) {
    public ReadRequest {
        if (unit < 0 || unit > 255 || function == null || address < 0 || quantity < 1
                || quantity > function.maxQuantity() || address + quantity > 65536) {
            throw new IllegalArgumentException("not a valid read request: unit " + unit + ", " + function
                    + ", address " + address + ", quantity " + quantity);
        }
    }

    /** The data bytes a normal reply carries. */
    public int byteCount() {
        return function.byteCount(quantity);
    }
}
