package org.iotgateway.driver.host;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whom this process runs as, from {@code /proc/self/status} (the groups the process actually has:
 * a user added to a group after the service started does not have it until a restart).
 *
 * @param uid effective user id, -1 when unknown
 * @param groups the primary and supplementary group ids
 * @param user the user name ({@code iot-gateway}), or the number when the account database lacks it
 */
public record Credentials(int uid, Set<Integer> groups, String user) {
    public Credentials {
        groups = Set.copyOf(groups);
    }

    public boolean inGroup(int gid) {
        return groups.contains(gid);
    }

    public boolean known() {
        return uid >= 0;
    }

    /** From the text of {@code /proc/self/status}. */
    public static Credentials parse(String status, Accounts accounts) {
        int uid = -1;
        Set<Integer> groups = new TreeSet<>();
        for (String line : status.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("Uid:") && f.length > 2) {
                uid = Integer.parseInt(f[2]);
            } else if (f[0].equals("Gid:") && f.length > 2) {
                groups.add(Integer.parseInt(f[2]));
            } else if (f[0].equals("Groups:")) {
                for (int i = 1; i < f.length; i++) {
                    groups.add(Integer.parseInt(f[i]));
                }
            }
        }
        return new Credentials(uid, groups, uid < 0 ? "?" : accounts.userName(uid));
    }
}
