package org.iotgateway.driver.serial;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by {@code socat}: the driver opens {@link #devicePath()}, the
 * test writes into {@link #testPath()}. {@link #kill()} is an unplug (SIGKILL, the links stay
 * behind like a stale device name); {@link #start()} again re-creates the pair at the same paths.
 */
public final class SocatPty implements AutoCloseable {
    private final Path device;
    private final Path test;
    private Process process;
    private OutputStream out;

    public SocatPty(Path dir) {
        this.device = dir.resolve("ttyDevice");
        this.test = dir.resolve("ttyTest");
    }

    public SocatPty start() throws IOException, InterruptedException {
        Files.deleteIfExists(device);
        Files.deleteIfExists(test);
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + test)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(device) && Files.exists(test))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IOException("socat did not create " + device + " and " + test);
            }
            Thread.sleep(10);
        }
        out = Files.newOutputStream(test);
        return this;
    }

    public String devicePath() {
        return device.toString();
    }

    public Path testPath() {
        return test;
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** SIGKILL: the device vanishes under the reader without any goodbye. */
    public void kill() throws InterruptedException {
        closeOut();
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private void closeOut() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the pty may already be gone
        }
        out = null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
