package org.iotgateway.driver.host;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users and groups from {@code /etc/passwd} and {@code /etc/group}: names for ids, and who is in which group. */
public final class Accounts {
    private final Map<Integer, String> users = new HashMap<>();
    private final Map<String, Integer> uids = new HashMap<>();
    private final Map<String, Integer> primaryGid = new HashMap<>();
    private final Map<Integer, String> groups = new HashMap<>();
    private final Map<String, Integer> gids = new HashMap<>();
    private final Map<Integer, Set<String>> members = new HashMap<>();

    private Accounts() {
    }

    /** From the texts of {@code /etc/passwd} and {@code /etc/group}. */
    public static Accounts parse(String passwd, String group) {
        Accounts a = new Accounts();
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && isNumber(f[2]) && isNumber(f[3])) {
                a.users.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                a.uids.put(f[0], Integer.parseInt(f[2]));
                a.primaryGid.put(f[0], Integer.parseInt(f[3]));
            }
        }
        for (String line : group.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && isNumber(f[2])) {
                int gid = Integer.parseInt(f[2]);
                a.groups.putIfAbsent(gid, f[0]);
                a.gids.putIfAbsent(f[0], gid);
                Set<String> m = a.members.computeIfAbsent(gid, k -> new HashSet<>());
                for (String u : f[3].split(",")) {
                    if (!u.isBlank()) {
                        m.add(u.trim());
                    }
                }
            }
        }
        return a;
    }

    public String userName(int uid) {
        return users.getOrDefault(uid, Integer.toString(uid));
    }

    public String groupName(int gid) {
        return groups.getOrDefault(gid, Integer.toString(gid));
    }

    public Optional<Integer> gid(String groupName) {
        return Optional.ofNullable(gids.get(groupName));
    }

    public boolean userExists(String user) {
        return primaryGid.containsKey(user);
    }

    /**
     * The credentials {@code user} would get when a process of theirs starts (the service, after a
     * restart): the primary group and every group that lists them.
     */
    public Credentials credentialsOf(String user) {
        Set<Integer> in = new HashSet<>();
        in.add(primaryGid.getOrDefault(user, -1));
        members.forEach((gid, names) -> {
            if (names.contains(user)) {
                in.add(gid);
            }
        });
        return new Credentials(uids.getOrDefault(user, -1), in, user);
    }

    /** Whether the database puts {@code user} in the group (as primary group or member): what a fresh login would get. */
    public boolean listsInGroup(String user, int gid) {
        return Integer.valueOf(gid).equals(primaryGid.get(user)) || members.getOrDefault(gid, Set.of()).contains(user);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
