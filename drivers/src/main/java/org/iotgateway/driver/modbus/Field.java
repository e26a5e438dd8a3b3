package org.iotgateway.driver.modbus;

import org.iotgateway.driver.modbus.codec.Reply;

/**
 * Where one channel's value sits in the reply to its batch's request.
 *
 * @param channel the channel id to offer the value under
 * @param offset items (registers or bits) from the request's first address
 * @param params how to read it
 */
record Field(int channel, int offset, ModbusChannelParams params) {

    /** The value before scale and offset; NaN or infinite only from a float the device sent so. */
    double raw(Reply.Data data) {
        if (params.table().bits()) {
            return data.at(offset / 8) >> (offset % 8) & 1;
        }
        double v = params.type().decode(data, 2 * offset, params.wordOrder());
        return params.bit() == null ? v : ((int) v) >> params.bit() & 1;
    }

    double scaled(double raw) {
        return raw * params.scale() + params.offset();
    }
}
