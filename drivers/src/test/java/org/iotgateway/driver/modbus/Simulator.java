package org.iotgateway.driver.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Modbus slave simulator from src/test/resources/modbus, run by Debian's /usr/bin/python3:
 * {@code devices.py} (pymodbus) or {@code rogue.py} (our own misbehaving slave). Started when it
 * prints "ready"; {@link #command} waits for its "ok". {@link #close} is SIGKILL.
 */
final class Simulator implements AutoCloseable {
    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Simulator(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "simulator-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Simulator start(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script(script).toString()));
        cmd.addAll(List.of(args));
        Simulator s = new Simulator(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        s.expect("ready", 20);
        return s;
    }

    static Path script(String name) {
        try {
            return Path.of(Simulator.class.getResource("/modbus/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void command(String line) throws IOException, InterruptedException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        expect("ok", 5);
    }

    private void expect(String what, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (what.equals(line)) {
                return;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        close();
        throw new IOException("simulator did not say '" + what + "' (exit " + (process.isAlive() ? "-" : process.exitValue()) + ")");
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
