package org.iotgateway.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.exception.InitializeException;
import com.pi4j.io.exception.IOAlreadyExistsException;
import java.util.List;
import java.util.Set;
import org.iotgateway.driver.host.Accounts;
import org.iotgateway.driver.host.Credentials;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceNode;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.junit.jupiter.api.Test;

/** Each way a pin fails to open, with what pi4j 2.8.0 throws for it, gets its own message and fix. */
class GpioTroubleTest {
    private static final String GPIOD = "gpiod-digital-input";
    private static final String PASSWD = "root:x:0:0::/root:/bin/sh\niot-gateway:x:999:999::/var/lib/iot-gateway:/usr/sbin/nologin\n";
    private static final Accounts ACCOUNTS = Accounts.parse(PASSWD, "root:x:0:\ngpio:x:997:\niot-gateway:x:999:\n");
    private static final Credentials SERVICE = new Credentials(999, Set.of(999), "iot-gateway");
    private static final Credentials SERVICE_IN_GPIO = new Credentials(999, Set.of(999, 997), "iot-gateway");
    private static final GpioChip PINCTRL = chip(0, "pinctrl-bcm2711", 997, 0660);

    private static GpioChip chip(int n, String label, int gid, int mode) {
        return new GpioChip("gpiochip" + n, new DeviceNode("/dev/gpiochip" + n, true, mode, 0, gid, 254), label,
                "gpiochip");
    }

    private static GpioSystem pi4(Credentials who, GpioChip... chips) {
        return new GpioSystem(List.of(chips), "Raspberry Pi 4 Model B Rev 1.5", "c03115", who, ACCOUNTS);
    }

    private static ProviderUnavailable initFailed(String message) {
        return new ProviderUnavailable(GPIOD, "pi4j provider failed to initialise", new IllegalStateException(message));
    }

    @Test
    void noChipAtAll() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO), initFailed("Couldn't identify gpiochip!"));
        assertThat(f.line()).isEqualTo("/dev/gpiochip*: no GPIO chip: /dev/gpiochip* does not exist; fix: on a Pi the"
                + " kernel creates it during boot (the gateway keeps trying); in a container, pass it in"
                + " (--device /dev/gpiochip0)");
    }

    @Test
    void permissionDeniedNamesTheGroupToAddTheServiceUserTo() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE, PINCTRL),
                initFailed("gpiod_chip_iter_new failed! (Permission denied)"));
        assertThat(f.line()).isEqualTo("/dev/gpiochip0: permission denied: it is root:gpio 0660 and user iot-gateway is"
                + " not in group gpio; fix: sudo usermod -aG gpio iot-gateway, then restart the gateway"
                + " (sudo systemctl restart iot-gateway)");
    }

    @Test
    void aUserAddedToTheGroupAfterTheStartNeedsARestart() {
        Accounts added = Accounts.parse(PASSWD, "root:x:0:\ngpio:x:997:pi,iot-gateway\n");
        GpioSystem seen = new GpioSystem(List.of(PINCTRL), "Raspberry Pi 5 Model B Rev 1.0", "d04170", SERVICE, added);
        assertThat(GpioTrouble.explain(17, GPIOD, seen, initFailed("gpiod_chip_iter_new failed! (Permission denied)"))
                .line()).isEqualTo("/dev/gpiochip0: permission denied: it is root:gpio 0660 and user iot-gateway was"
                + " added to group gpio after the gateway started; fix: restart the gateway (sudo systemctl restart"
                + " iot-gateway): a process gets its groups when it starts");
    }

    @Test
    void aChipOnlyRootMayOpenNeedsAUdevRuleFirst() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE, chip(0, "pinctrl-bcm2711", 0, 0600)),
                initFailed("gpiod_chip_iter_new failed! (Permission denied)"));
        assertThat(f.detail()).isEqualTo("permission denied: it is root:root 0600, so only root may read and write it,"
                + " not user iot-gateway");
        assertThat(f.fix()).isEqualTo("give the GPIO chip a group with a udev rule in /etc/udev/rules.d/60-iot-gateway.rules:"
                + " SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip*\", GROUP=\"gpio\", MODE=\"0660\"; sudo udevadm trigger;"
                + " sudo usermod -aG gpio iot-gateway; then restart the gateway (sudo systemctl restart iot-gateway)");
    }

    @Test
    void anyChipRefusedFailsPi4jSinceLibgpiodOpensThemAll() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL,
                chip(1, "raspberrypi-exp-gpio", 0, 0600)), initFailed("gpiod_chip_iter_new failed! (Permission denied)"));
        assertThat(f.subject()).isEqualTo("/dev/gpiochip1");
        assertThat(f.detail()).startsWith("permission denied: it is root:root 0600");
    }

    @Test
    void theServicesDevicePolicyNamesTheDeviceAllowLine() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL),
                initFailed("gpiod_chip_iter_new failed! (Operation not permitted)"));
        assertThat(f.line()).isEqualTo("/dev/gpiochip0: the service's device policy refuses it (DevicePolicy=closed;"
                + " root:gpio 0660 would allow it); fix: add DeviceAllow=char-gpiochip rw with sudo systemctl edit"
                + " iot-gateway, then restart the gateway (sudo systemctl restart iot-gateway)");
    }

    @Test
    void chipsPi4jDoesNotTakeAreNamedWithTheirLabels() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, chip(0, "gpio-mockup-A", 997, 0660),
                chip(1, "raspberrypi-exp-gpio", 997, 0660)), initFailed("Couldn't identify gpiochip!"));
        assertThat(f.detail()).isEqualTo("no GPIO chip that pi4j's gpiod provider takes (a label containing 'pinctrl');"
                + " found gpiochip0 'gpio-mockup-A', gpiochip1 'raspberrypi-exp-gpio'");
    }

    @Test
    void aBoardPi4jDoesNotRecogniseIsNamed() {
        GpioSystem orange = new GpioSystem(List.of(chip(0, "300b000.pinctrl", 997, 0660)), "Orange Pi 5", "",
                SERVICE_IN_GPIO, ACCOUNTS);
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, orange, new IllegalStateException("No gpio chip yet initialized!"));
        assertThat(f.line()).isEqualTo("GPIO 17: pi4j does not recognise this board (model 'Orange Pi 5', no Revision in"
                + " /proc/cpuinfo), and its gpiod provider opens a GPIO chip only on a Raspberry Pi it recognises; fix:"
                + " run on a Raspberry Pi that pi4j 2.8.0 knows (1 to 5, 400, 500, Zero, Compute Module 1 to 5); a board"
                + " revision newer than the gateway's pi4j needs a newer gateway");
    }

    @Test
    void aPinInUseByAnotherProgram() {
        RuntimeException busy = new IllegalStateException("Failed to initialize IO door-gpio17", new InitializeException(
                "Failed to initialize input door-gpio17",
                new RuntimeException("c_gpiod_line_request failed: -1 (Device or resource busy)")));
        DeviceFinding f = GpioTrouble.explain(4, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL), busy);
        assertThat(f.line()).startsWith("GPIO 4: in use by another program or a kernel driver; fix: ");
        assertThat(f.fix()).contains("gpioinfo").contains("w1-gpio takes GPIO 4");
    }

    @Test
    void aPinAnotherSensorOfThisGatewayHas() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL), new IOAlreadyExistsException(17));
        assertThat(f.line()).startsWith("GPIO 17: already used by another sensor of this gateway; fix: ");
    }

    @Test
    void aProviderNotInTheBuildIsATypoNotAMissingJar() {
        ProviderUnavailable typo = new ProviderUnavailable("gpoid-digital-input",
                "no pi4j provider 'gpoid-digital-input' in this build (there are: gpiod-digital-input)", null);
        DeviceFinding f = GpioTrouble.explain(17, "gpoid-digital-input", pi4(SERVICE_IN_GPIO, PINCTRL), typo);
        assertThat(f.line()).isEqualTo("GPIO 17: no pi4j provider 'gpoid-digital-input' in this build (there are:"
                + " gpiod-digital-input); fix: set the sensor's provider: gpiod (the default)");
    }

    @Test
    void aNativeLibraryThatDoesNotLoad() {
        ProviderUnavailable e = new ProviderUnavailable(GPIOD, "failed", new ExceptionInInitializerError(
                new UnsatisfiedLinkError("libgpiod.so: /lib/aarch64-linux-gnu/libc.so.6: version `GLIBC_2.33' not found")));
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL), e);
        assertThat(f.detail()).startsWith("pi4j's native GPIO library does not load here (").contains("GLIBC_2.33");
        assertThat(f.fix()).contains("Bookworm");
    }

    @Test
    void anythingElseKeepsPi4jsWordsAndPointsAtTheTools() {
        DeviceFinding f = GpioTrouble.explain(17, GPIOD, pi4(SERVICE_IN_GPIO, PINCTRL),
                new IllegalStateException("c_gpiod_chip_get_line failed! (Invalid argument)"));
        assertThat(f.line()).isEqualTo("GPIO 17: c_gpiod_chip_get_line failed! (Invalid argument); fix: gpiodetect and"
                + " gpioinfo show the chips and lines this system has");
    }
}
