package org.iotgateway.driver.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceAccessTest {
    private static final String PASSWD = "root:x:0:0::/root:/bin/sh\npi:x:1000:1000::/home/pi:/bin/bash\n"
            + "iot-gateway:x:999:999::/var/lib/iot-gateway:/usr/sbin/nologin\n";
    private static final DeviceNode I2C = new DeviceNode("/dev/i2c-1", true, 0660, 0, 998, 89);
    private static final Credentials ROOT = new Credentials(0, Set.of(0), "root");
    private static final Credentials PI = new Credentials(1000, Set.of(1000, 998), "pi");

    private static Accounts accounts(String i2cMembers) {
        return Accounts.parse(PASSWD, "root:x:0:\ni2c:x:998:" + i2cMembers + "\npi:x:1000:\niot-gateway:x:999:\n");
    }

    @Test
    void theKernelsOwnerGroupOtherRule() {
        DeviceNode node = new DeviceNode("/dev/x", true, 0640, 1000, 998, 0);
        assertThat(node.allows(new Credentials(1000, Set.of(1000), "pi"), true)).as("owner rw").isTrue();
        assertThat(node.allows(new Credentials(5, Set.of(998), "g"), false)).as("group r").isTrue();
        assertThat(node.allows(new Credentials(5, Set.of(998), "g"), true)).as("group not w").isFalse();
        assertThat(node.allows(new Credentials(5, Set.of(5), "o"), false)).as("other nothing").isFalse();
        assertThat(node.allows(ROOT, true)).as("root").isTrue();
        assertThat(DeviceNode.missing("/dev/x").allows(ROOT, false)).isFalse();
    }

    @Test
    void checkAsRootSaysWhetherTheServiceUserCanOpenIt() {
        assertThat(DeviceAccess.check(I2C, ROOT, accounts("pi,iot-gateway"), DeviceKind.I2C, true).line())
                .isEqualTo("/dev/i2c-1: root:i2c 0660, open to you (root) and to the service user iot-gateway");
        DeviceFinding notService = DeviceAccess.check(I2C, ROOT, accounts("pi"), DeviceKind.I2C, true);
        assertThat(notService.outcome()).isEqualTo(DeviceFinding.Outcome.FAIL);
        assertThat(notService.line()).isEqualTo("/dev/i2c-1: permission denied: it is root:i2c 0660 and user iot-gateway"
                + " is not in group i2c; fix: sudo usermod -aG i2c iot-gateway, then restart the gateway"
                + " (sudo systemctl restart iot-gateway)");
    }

    @Test
    void checkWithoutAServiceAccountIsAboutTheUserRunningIt() {
        Accounts noService = Accounts.parse("root:x:0:0::/root:/bin/sh\npi:x:1000:1000::/home/pi:/bin/bash\n",
                "i2c:x:998:pi\n");
        assertThat(DeviceAccess.check(I2C, PI, noService, DeviceKind.I2C, true).line())
                .isEqualTo("/dev/i2c-1: root:i2c 0660, open to you (pi)");
        Credentials stranger = new Credentials(1001, Set.of(1001), "bob");
        assertThat(DeviceAccess.check(I2C, stranger, noService, DeviceKind.I2C, true).detail())
                .isEqualTo("permission denied: it is root:i2c 0660 and user bob is not in group i2c");
    }

    @Test
    void credentialsComeFromProcSelfStatus() {
        Credentials c = Credentials.parse("Name:\tjava\nUid:\t999\t999\t999\t999\nGid:\t999\t999\t999\t999\n"
                + "Groups:\t20 997 998 \n", accounts(""));
        assertThat(c).isEqualTo(new Credentials(999, Set.of(999, 20, 997, 998), "iot-gateway"));
        assertThat(Credentials.parse("", accounts("")).known()).isFalse();
    }

    @Test
    void procDevicesNamesTheCharacterDriverOfAMajor() {
        String text = "Character devices:\n  1 mem\n 89 i2c\n254 gpiochip\n\nBlock devices:\n254 virtblk\n";
        assertThat(CharDevices.name(text, 254)).contains("gpiochip");
        assertThat(CharDevices.name(text, 89)).contains("i2c");
        assertThat(CharDevices.name(text, 7)).isEmpty();
    }
}
