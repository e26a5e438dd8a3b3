package org.iotgateway.driver.modbus;

import java.util.List;
import org.iotgateway.driver.modbus.codec.ReadRequest;

/**
 * One request of a slave's poll and the channels its reply serves.
 *
 * @param request what is sent
 * @param fields the channels read from the reply, by address
 * @param gaps whether the request also reads addresses no channel uses (joined across a gap)
 */
record Batch(ReadRequest request, List<Field> fields, boolean gaps) {
    Batch {
        fields = List.copyOf(fields);
    }
}
