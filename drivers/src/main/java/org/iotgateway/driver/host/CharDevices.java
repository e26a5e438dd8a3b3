package org.iotgateway.driver.host;

import java.util.Optional;

/** Reads {@code /proc/devices}: "Character devices:" then lines "254 gpiochip". */
final class CharDevices {
    private CharDevices() {
    }

    static Optional<String> name(String procDevices, int major) {
        boolean chars = false;
        for (String line : procDevices.split("\n")) {
            String l = line.trim();
            if (l.endsWith(":")) {
                chars = l.startsWith("Character");
                continue;
            }
            String[] f = l.split("\\s+");
            if (chars && f.length == 2 && f[0].equals(Integer.toString(major))) {
                return Optional.of(f[1]);
            }
        }
        return Optional.empty();
    }
}
