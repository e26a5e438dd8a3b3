package org.iotgateway.driver.host;

/**
 * What {@code ls -lL} shows of a device node.
 *
 * @param path the absolute path as configured ({@code /dev/gpiochip0})
 * @param exists whether there is anything at that path (a dangling link is not)
 * @param mode the permission bits (0660)
 * @param uid the owner
 * @param gid the group
 * @param major the device's major number (0 for a plain file); names its driver in /proc/devices
 */
public record DeviceNode(String path, boolean exists, int mode, int uid, int gid, int major) {
    static DeviceNode missing(String path) {
        return new DeviceNode(path, false, 0, -1, -1, 0);
    }

    /** Whether {@code who} may open it for reading, and writing if {@code write}: the kernel's owner/group/other rule. */
    public boolean allows(Credentials who, boolean write) {
        if (!exists) {
            return false;
        }
        if (who.uid() == 0) {
            return true;
        }
        int bits = who.uid() == uid ? mode >> 6 : who.inGroup(gid) ? mode >> 3 : mode;
        return (bits & 4) != 0 && (!write || (bits & 2) != 0);
    }

    /** {@code root:gpio 0660}, with names from {@code accounts}. */
    public String owners(Accounts accounts) {
        return accounts.userName(uid) + ":" + accounts.groupName(gid) + " " + String.format("%04o", mode);
    }
}
