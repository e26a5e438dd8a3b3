package org.iotgateway.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, stdout and stderr merged, and fails loudly on a hang. */
final class Cmd {
    private Cmd() {
    }

    record Result(List<String> command, int exit, String output) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exit + ":\n" + output);
            }
            return this;
        }
    }

    static Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(env);
        // Debian keeps mkfs, debugfs, useradd in /usr/sbin, not on every user's PATH.
        pb.environment().merge("PATH", ":/usr/sbin:/sbin", String::concat);
        pb.environment().putAll(environment);
        Path out = Files.createTempFile("cmd", ".out");
        try {
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Result(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs {@code bash -c SCRIPT} with the given variables: for short sequences of shell tools. */
    static Result bash(Map<String, String> env, String script) throws IOException, InterruptedException {
        return run(env, "bash", "-euo", "pipefail", "-c", script);
    }

    static List<String> lines(Result r) {
        return new ArrayList<>(r.output().lines().toList());
    }
}
