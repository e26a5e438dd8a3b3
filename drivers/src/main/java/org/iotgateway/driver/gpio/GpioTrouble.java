package org.iotgateway.driver.gpio;

import com.pi4j.io.exception.IOAlreadyExistsException;
import java.util.stream.Collectors;
import org.iotgateway.driver.host.DeviceAccess;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.Failures;
import org.iotgateway.driver.pi4j.ProviderUnavailable;

/**
 * Why a GPIO pin did not open, in words a user acts on, from what pi4j threw and what the machine
 * shows ({@link GpioSystem}). pi4j's own words mislead: a gpiod provider that failed to
 * initialise is later reported as "provider could not be found, include its JAR". Pure.
 */
final class GpioTrouble {
    static final String NO_CHIP = "no GPIO chip: /dev/gpiochip* does not exist";

    private GpioTrouble() {
    }

    static DeviceFinding explain(int pin, String providerId, GpioSystem seen, Throwable failure) {
        String text = Failures.text(failure);
        String gpio = "GPIO " + pin;
        if (Failures.has(failure, LinkageError.class)) {
            return DeviceFinding.fail(gpio, "pi4j's native GPIO library does not load here (" + text + ")",
                    "run Raspberry Pi OS Bookworm or later on ARM (pi4j's libgpiod needs glibc 2.33)");
        }
        if (failure instanceof ProviderUnavailable u && u.notInBuild()) {
            return DeviceFinding.fail(gpio, u.getMessage(), "set the sensor's provider: gpiod (the default)");
        }
        if (text.contains("Device or resource busy")) {
            return DeviceFinding.fail(gpio, "in use by another program or a kernel driver",
                    "gpioinfo shows who holds it (its consumer); stop that program, remove the overlay in "
                    + "/boot/firmware/config.txt that claims the pin (w1-gpio takes GPIO 4), or use another pin");
        }
        if (Failures.has(failure, IOAlreadyExistsException.class)) {
            return DeviceFinding.fail(gpio, "already used by another sensor of this gateway",
                    "one sensor per pin: give each its own pin");
        }
        boolean gpiod = providerId.startsWith("gpiod-");
        if (gpiod && (text.contains("No gpio chip yet initialized") || !seen.boardKnownToPi4j())) {
            return unknownBoard(gpio, seen);
        }
        DeviceFinding chips = chipProblem(seen, text);
        if (chips != null) {
            return chips;
        }
        return DeviceFinding.fail(gpio, text, "gpiodetect and gpioinfo show the chips and lines this system has");
    }

    /** pi4j's gpiod looks for a chip only on a board it identifies (BoardInfoHelper, once per process). */
    static DeviceFinding unknownBoard(String subject, GpioSystem seen) {
        return DeviceFinding.fail(subject, "pi4j does not recognise this board (" + seen.board()
                + "), and its gpiod provider opens a GPIO chip only on a Raspberry Pi it recognises",
                "run on a Raspberry Pi that pi4j 2.8.0 knows (1 to 5, 400, 500, Zero, Compute Module 1 to 5); a board"
                + " revision newer than the gateway's pi4j needs a newer gateway");
    }

    /**
     * What is wrong with the chips, if anything shows: none; one this process may not open (libgpiod
     * opens every chip while looking for one, so any refused chip fails the lot); none that pi4j
     * takes. Null when the chips look fine.
     */
    static DeviceFinding chipProblem(GpioSystem seen, String failureText) {
        if (seen.chips().isEmpty()) {
            return noChip();
        }
        for (GpioChip c : seen.chips()) { // first the modes: the chip they deny is the one to fix
            DeviceFinding refused = DeviceAccess.refused(c.node(), seen.self(), seen.accounts(), DeviceKind.GPIO, true,
                    null, c.deviceClass());
            if (refused != null) {
                return refused;
            }
        }
        GpioChip likely = seen.chips().stream().filter(GpioChip::pi4jPicks).findFirst().orElse(seen.chips().get(0));
        DeviceFinding refused = DeviceAccess.refused(likely.node(), seen.self(), seen.accounts(), DeviceKind.GPIO, true,
                failureText, likely.deviceClass());
        if (refused != null) {
            return refused;
        }
        return seen.labelsKnown() && seen.chips().stream().noneMatch(GpioChip::pi4jPicks) ? unrecognised(seen) : null;
    }

    static DeviceFinding noChip() {
        return DeviceFinding.fail("/dev/gpiochip*", NO_CHIP, "on a Pi the kernel creates it during boot (the"
                + " gateway keeps trying); in a container, pass it in (--device /dev/gpiochip0)");
    }

    static DeviceFinding unrecognised(GpioSystem seen) {
        return DeviceFinding.fail("/dev/gpiochip*", "no GPIO chip that pi4j's gpiod provider takes (a label"
                + " containing 'pinctrl'); found " + seen.chips().stream().map(GpioChip::toString)
                .collect(Collectors.joining(", ")), "pi4j 2.8.0 drives the Raspberry Pi's own pin controller"
                + " (pinctrl-bcm2835, pinctrl-bcm2711, pinctrl-rp1); see gpiodetect");
    }
}
