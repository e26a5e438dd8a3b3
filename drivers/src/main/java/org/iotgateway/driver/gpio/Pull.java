package org.iotgateway.driver.gpio;

import com.pi4j.io.gpio.digital.PullResistance;

/** The pin's bias resistor; in YAML: up, down, off. */
public enum Pull {
    UP(PullResistance.PULL_UP), DOWN(PullResistance.PULL_DOWN), OFF(PullResistance.OFF);

    final PullResistance pi4j;

    Pull(PullResistance pi4j) {
        this.pi4j = pi4j;
    }
}
