package org.iotgateway.driver.gpio;

import com.pi4j.boardinfo.definition.BoardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotgateway.driver.host.Accounts;
import org.iotgateway.driver.host.Credentials;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.DeviceNode;
import org.iotgateway.driver.host.Host;

/**
 * What the machine shows of its GPIO: the chips in /dev with their labels, the board as pi4j
 * identifies it, and who this process is. Observed only when something failed (or by
 * {@code check}): a few small reads.
 *
 * <p>Labels: /dev/gpiochipN cannot be asked from Java (it takes an ioctl), but sysfs tells when
 * the kernel has the sysfs GPIO class (Raspberry Pi OS kernels do): the chip's device
 * {@code /sys/bus/gpio/devices/gpiochipN} and its class directory {@code gpio/gpiochipBASE}
 * (with the {@code label} file) hang off the same parent device.
 *
 * @param chips the chips in /dev, by name
 * @param model {@code /proc/device-tree/model}, "" when absent
 * @param revision the {@code Revision} of /proc/cpuinfo, "" when absent
 * @param self this process's user and groups
 * @param accounts the account database, to name users and groups
 */
record GpioSystem(List<GpioChip> chips, String model, String revision, Credentials self, Accounts accounts) {

    static GpioSystem observe(Host host) {
        List<GpioChip> chips = new ArrayList<>();
        for (String name : host.list("/dev", "gpiochip[0-9]*")) {
            DeviceNode node = host.node("/dev/" + name);
            chips.add(new GpioChip(name, node, label(host, name).orElse(null),
                    host.charDriver(node.major()).orElse(DeviceKind.GPIO.deviceClass())));
        }
        String revision = "";
        for (String line : host.read("/proc/cpuinfo").orElse("").split("\n")) {
            if (line.startsWith("Revision")) {
                revision = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new GpioSystem(chips, host.read("/proc/device-tree/model").orElse(""), revision, host.self(),
                host.accounts());
    }

    private static Optional<String> label(Host host, String chip) {
        String dev = "/sys/bus/gpio/devices/" + chip;
        Optional<String> direct = host.read(dev + "/label");
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> real = host.realPath(dev);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        String r = real.get();
        for (String dir : List.of(r + "/gpio", r.substring(0, r.lastIndexOf('/')) + "/gpio")) {
            List<String> classDirs = host.list(dir, "gpiochip*");
            if (classDirs.size() == 1) {
                return host.read(dir + "/" + classDirs.get(0) + "/label");
            }
        }
        return Optional.empty();
    }

    /** Whether pi4j 2.8.0 identifies the board (by revision code, else by model name): gpiod opens no chip otherwise. */
    boolean boardKnownToPi4j() {
        try {
            if (BoardModel.getByBoardCode(revision) != BoardModel.UNKNOWN) {
                return true;
            }
        } catch (Exception e) {
            // pi4j throws for a code listed twice; it then goes on to the name, as here
        }
        return BoardModel.getByBoardName(model) != BoardModel.UNKNOWN;
    }

    /** "model 'Raspberry Pi 4 Model B Rev 1.5', revision c03115", or what is missing. */
    String board() {
        return (model.isEmpty() ? "no /proc/device-tree/model" : "model '" + model + "'")
                + (revision.isEmpty() ? ", no Revision in /proc/cpuinfo" : ", revision " + revision);
    }

    boolean labelsKnown() {
        return !chips.isEmpty() && chips.stream().allMatch(c -> c.label() != null);
    }
}
