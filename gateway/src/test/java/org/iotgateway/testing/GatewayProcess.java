package org.iotgateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a user runs it: {@code java -jar iot-gateway.jar ARGS} in its own process, with
 * stdout and stderr collected line by line. The jar path comes from the {@code gateway.jar} system
 * property that failsafe sets.
 */
public final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final Thread outPump;
    private final Thread errPump;

    private GatewayProcess(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout);
        this.errPump = pump(process.getErrorStream(), stderr);
    }

    public static GatewayProcess start(Path workDir, String... args) throws IOException {
        return start(workDir, java.util.Map.of(), args);
    }

    /** Starts with extra environment variables (for ${VAR} in configs). */
    public static GatewayProcess start(Path workDir, java.util.Map<String, String> env, String... args) throws IOException {
        return start(workDir, env, List.of(), args);
    }

    /** Starts with extra environment variables and JVM options (such as {@code -Dname=value}). */
    public static GatewayProcess start(Path workDir, java.util.Map<String, String> env, List<String> jvmOptions,
                                       String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx128m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("IOT_GATEWAY_LOG_LEVEL", "INFO");
        pb.environment().putAll(env);
        return new GatewayProcess(pb.start());
    }

    /**
     * The same jar with more on its classpath and JVM options: {@code java OPTIONS -cp JAR:EXTRA...
     * org.iotgateway.cli.Main ARGS} (what {@code -jar} runs, which would ignore {@code -cp}). For a
     * test plugin the gateway finds as it finds its own (a pi4j provider through ServiceLoader).
     */
    public static GatewayProcess startWith(Path workDir, List<String> jvmOptions, List<Path> classpath, String... args)
            throws IOException {
        StringBuilder cp = new StringBuilder(jar());
        classpath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx128m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", cp.toString(), "org.iotgateway.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("IOT_GATEWAY_LOG_LEVEL", "INFO");
        return new GatewayProcess(pb.start());
    }

    /** Runs to completion (at most 60 s) and returns the exit status. */
    public static GatewayProcess run(Path workDir, String... args) throws Exception {
        return run(workDir, java.util.Map.of(), args);
    }

    /** Runs to completion (at most 60 s) with extra environment variables. */
    public static GatewayProcess run(Path workDir, java.util.Map<String, String> env, String... args) throws Exception {
        GatewayProcess p = start(workDir, env, args);
        if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
            p.kill();
            throw new AssertionError("gateway did not finish within 60 s: " + p.stderr());
        }
        p.outPump.join(5_000);
        p.errPump.join(5_000);
        return p;
    }

    public static String jar() {
        String jar = System.getProperty("gateway.jar");
        if (jar == null || !Path.of(jar).toFile().isFile()) {
            throw new IllegalStateException("gateway.jar system property must point at the built jar (run under failsafe): " + jar);
        }
        return jar;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread pump(InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "gateway-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** Everything the process printed, stdout then stderr. */
    public String allOutput() {
        return String.join("\n", stdout()) + "\n" + String.join("\n", stderr());
    }

    public int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd stops it; waits for the graceful shutdown and returns the exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("gateway did not stop within 30 s of SIGTERM");
        }
        outPump.join(5_000);
        errPump.join(5_000);
        return process.exitValue();
    }

    /** Waits for the process to end by itself (a restart it asks for, say) and returns the exit status. */
    public int awaitExit(java.time.Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("gateway did not exit within " + within.toSeconds() + " s: " + stderr());
        }
        outPump.join(5_000);
        errPump.join(5_000);
        return process.exitValue();
    }

    /** SIGHUP, as {@code systemctl reload} sends it ({@code kill -HUP}): the gateway reloads its config file. */
    public void hup() throws Exception {
        // A signal ignored when the JVM starts stays ignored (nohup passes that on to every child):
        // say so instead of letting the test wait for a reload that cannot come.
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("SigIgn:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 1) != 0) {
                throw new AssertionError("SIGHUP is ignored in the gateway's process, inherited from the test's"
                        + " environment (run under nohup?): run the tests without it");
            }
        }
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -HUP " + process.pid() + " failed: " + out);
        }
    }

    /** SIGKILL: a crash or a power cut as far as the process can tell. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
