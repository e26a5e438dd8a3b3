package org.iotgateway.driver.host;

/**
 * Who may open a device node, and what to do when the gateway may not: the kernel's
 * owner/group/other rule applied to what {@link Host} observed, so every case is testable
 * without root or hardware. Pure.
 */
public final class DeviceAccess {
    /** The account the systemd unit and the package run the gateway as. */
    public static final String SERVICE_USER = "iot-gateway";
    private static final String RESTART = "then restart the gateway (sudo systemctl restart iot-gateway)";

    private DeviceAccess() {
    }

    /**
     * Why this process could not open {@code node}, which exists; null when neither its mode nor
     * the error explains it.
     *
     * @param failure the text of what the library threw; errno words ("Permission denied",
     *        "Operation not permitted") are in it
     * @param deviceClass the node's driver name from /proc/devices, for DeviceAllow=
     */
    public static DeviceFinding refused(DeviceNode node, Credentials who, Accounts accounts, DeviceKind kind,
            boolean write, String failure, String deviceClass) {
        String owners = node.owners(accounts);
        if (who.known() && !node.allows(who, write)) {
            return denied(node, who.user(), accounts, kind, write,
                    accounts.listsInGroup(who.user(), node.gid()) ? "was added to group " + accounts.groupName(node.gid())
                            + " after the gateway started" : null);
        }
        if (failure != null && failure.contains("Operation not permitted")) {
            return DeviceFinding.fail(node.path(), "the service's device policy refuses it (DevicePolicy=closed; "
                    + owners + " would allow it)", "add DeviceAllow=char-" + deviceClass
                    + " rw with sudo systemctl edit iot-gateway, " + RESTART);
        }
        if (failure != null && failure.contains("Permission denied")) {
            return DeviceFinding.fail(node.path(), "permission denied (" + owners + ")",
                    "check its owner and mode, and the groups of user " + who.user() + "; " + RESTART);
        }
        return null;
    }

    /**
     * For {@code check}: whether the user running it and the service user can open {@code node}.
     *
     * @param me the user running the check
     */
    public static DeviceFinding check(DeviceNode node, Credentials me, Accounts accounts, DeviceKind kind,
            boolean write) {
        String owners = node.owners(accounts);
        if (me.known() && !node.allows(me, write)) {
            return denied(node, me.user(), accounts, kind, write, null);
        }
        String you = me.known() ? "you (" + me.user() + ")" : "you";
        if (me.known() && !me.user().equals(SERVICE_USER) && accounts.userExists(SERVICE_USER)) {
            if (!node.allows(accounts.credentialsOf(SERVICE_USER), write)) {
                return denied(node, SERVICE_USER, accounts, kind, write, null);
            }
            return DeviceFinding.ok(node.path(), owners + ", open to " + you + " and to the service user " + SERVICE_USER);
        }
        return DeviceFinding.ok(node.path(), owners + ", open to " + you);
    }

    private static DeviceFinding denied(DeviceNode node, String user, Accounts accounts, DeviceKind kind,
            boolean write, String addedLate) {
        String owners = node.owners(accounts);
        String group = accounts.groupName(node.gid());
        String access = write ? "read and write" : "read";
        int groupBits = node.mode() >> 3;
        boolean groupMay = (groupBits & 4) != 0 && (!write || (groupBits & 2) != 0);
        if (addedLate != null) {
            return DeviceFinding.fail(node.path(), "permission denied: it is " + owners + " and user " + user + " "
                    + addedLate, "restart the gateway (sudo systemctl restart iot-gateway): a process gets its groups"
                    + " when it starts");
        }
        if (group.equals("root") || !groupMay) { // adding a service to group root is no fix
            return DeviceFinding.fail(node.path(), "permission denied: it is " + owners + ", so only "
                    + accounts.userName(node.uid()) + " may " + access + " it, not user " + user,
                    "give the " + kind.what() + " a group with a udev rule in /etc/udev/rules.d/60-iot-gateway.rules: "
                    + kind.udevRule() + "; sudo udevadm trigger; sudo usermod -aG " + kind.group() + " " + user
                    + "; " + RESTART);
        }
        return DeviceFinding.fail(node.path(), "permission denied: it is " + owners + " and user " + user
                + " is not in group " + group, "sudo usermod -aG " + group + " " + user + ", " + RESTART);
    }
}
