package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

/**
 * @param id the gateway id, part of every topic and payload: 1–64 letters, digits, {@code .}, {@code _},
 *        {@code -}, starting with a letter or digit
 * @param print print each aggregate as a JSON line on stdout ({@code run --print} forces it) (default false)
 */
public record GatewaySettings(String id, Boolean print) {
    public GatewaySettings {
        required(id, "id");
        Ids.checkId(id, "id");
        print = print != null && print;
    }
}
