package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

/**
 * @param id the gateway id, part of every topic and payload; letters, digits, '-', '_' and '.'
 * @param print print each aggregate as a JSON line on stdout (default false; {@code run --print} forces it)
 */
public record GatewaySettings(String id, Boolean print) {
    public GatewaySettings {
        required(id, "id");
        Ids.checkId(id, "id");
        print = print != null && print;
    }
}
