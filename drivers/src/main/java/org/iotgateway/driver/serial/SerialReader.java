package org.iotgateway.driver.serial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial driver's one thread: open, read, detect the device going away, close, back off,
 * reopen. It never calls jssc's blocking {@code readBytes(n)} for more bytes than are waiting,
 * because after an unplug that call spins forever at 100 % CPU (java-native/jssc#94, #126).
 * Instead it asks how many bytes are waiting every {@value #IDLE_MILLIS} ms; a hung-up device
 * answers with an error (-1), and a vanished device path is checked once a second, which catches
 * USB adapters that disappear without an error.
 */
final class SerialReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialReader.class);
    static final long IDLE_MILLIS = 10;
    private static final long PATH_CHECK_NANOS = 1_000_000_000L;
    private static final int MAX_READ = 4096;

    private final SerialParams params;
    private final Framer framer;
    private final StateReporter state;
    private final Backoff retry;
    private volatile boolean running = true;

    SerialReader(SerialParams params, Framer framer, StateReporter state) {
        this.params = params;
        this.framer = framer;
        this.state = state;
        this.retry = Backoff.exact(params.retryMin(), params.retryMax());
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            SerialPort port = open();
            if (port == null) {
                pause(retry.nextNanos());
                continue;
            }
            retry.reset();
            state.set(SensorState.OK, "port " + params.port() + " open");
            String why = readUntilGone(port);
            framer.reset();
            close(port);
            if (running) {
                state.set(SensorState.DISCONNECTED, why);
                LOG.warn("serial port {} lost ({}); retrying", params.port(), why);
                pause(retry.nextNanos());
            }
        }
    }

    private SerialPort open() {
        SerialPort port = new SerialPort(params.port());
        try {
            port.openPort();
        } catch (SerialPortException e) {
            if (state.set(SensorState.DISCONNECTED, "cannot open " + params.port() + ": " + e.getExceptionType())) {
                LOG.warn("serial port {} cannot be opened ({}); retrying up to every {}", params.port(),
                        e.getExceptionType(), params.retryMax());
            }
            return null;
        }
        try {
            // No RTS/DTR changes: a pseudo-terminal refuses them, and most sensors ignore them.
            if (!port.setParams(params.baud(), params.dataBits(), params.jsscStopBits(), params.parity().jssc,
                    false, false)) {
                LOG.debug("serial port {}: line parameters not applied (not a real UART?)", params.port());
            }
        } catch (SerialPortException e) {
            LOG.debug("serial port {}: setParams failed: {}", params.port(), e.getExceptionType());
        }
        return port;
    }

    /** Reads until the device is gone or the driver stops; returns why it stopped. */
    private String readUntilGone(SerialPort port) {
        Path path = Path.of(params.port());
        long nextPathCheck = System.nanoTime() + PATH_CHECK_NANOS;
        while (running) {
            int waiting;
            byte[] data;
            try {
                waiting = port.getInputBufferBytesCount();
                if (waiting < 0) {
                    return "device hung up";
                }
                data = waiting == 0 ? null : port.readBytes(Math.min(waiting, MAX_READ));
            } catch (SerialPortException e) {
                return "read failed: " + e.getExceptionType();
            }
            if (data != null) {
                framer.accept(data, 0, data.length);
                continue;
            }
            long now = System.nanoTime();
            if (now - nextPathCheck >= 0) {
                if (!Files.exists(path)) {
                    return "device path gone";
                }
                nextPathCheck = now + PATH_CHECK_NANOS;
            }
            LockSupport.parkNanos(IDLE_MILLIS * 1_000_000);
        }
        return "stopped";
    }

    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        long left;
        while (running && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    private static void close(SerialPort port) {
        try {
            port.closePort();
        } catch (SerialPortException | RuntimeException e) {
            LOG.debug("closing {}: {}", port.getPortName(), e.toString());
        }
    }
}
