package org.iotgateway.driver.gpio;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.host.DeviceAccess;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.Host;

/**
 * {@code iot-gateway check} for a GPIO sensor: what pi4j's gpiod provider needs before it opens a
 * pin. The board must be one pi4j identifies; every /dev/gpiochip* must open (libgpiod opens them
 * all while looking for the chip); one must carry a 'pinctrl' label. Whether the pin is free cannot
 * be seen without claiming it: the running driver reports that.
 */
final class GpioDevices {
    private GpioDevices() {
    }

    static List<DeviceFinding> check(int pin, String provider, Host host) {
        String gpio = "GPIO " + pin;
        if (!provider.equals("gpiod")) {
            return List.of(DeviceFinding.skip(gpio, "provider " + provider + ": check knows gpiod's devices only"));
        }
        GpioSystem seen = GpioSystem.observe(host);
        List<DeviceFinding> out = new ArrayList<>();
        if (!seen.boardKnownToPi4j()) {
            out.add(GpioTrouble.unknownBoard(gpio, seen));
        }
        if (seen.chips().isEmpty()) {
            out.add(GpioTrouble.noChip());
            return out;
        }
        for (GpioChip c : seen.chips()) {
            DeviceFinding access = DeviceAccess.check(c.node(), seen.self(), seen.accounts(), DeviceKind.GPIO, true);
            String label = c.label() == null ? "label unknown" : "'" + c.label() + "'"
                    + (c.pi4jPicks() ? ", the chip pi4j uses" : "");
            out.add(new DeviceFinding(access.outcome(), access.subject(), label + "; " + access.detail(), access.fix()));
        }
        if (seen.labelsKnown() && seen.chips().stream().noneMatch(GpioChip::pi4jPicks)) {
            out.add(GpioTrouble.unrecognised(seen));
        }
        return out;
    }
}
