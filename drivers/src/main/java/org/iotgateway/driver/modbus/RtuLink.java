package org.iotgateway.driver.modbus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.iotgateway.driver.modbus.codec.ReadRequest;
import org.iotgateway.driver.modbus.codec.Rtu;
import org.iotgateway.driver.modbus.codec.Scan;
import org.iotgateway.driver.serial.SerialParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RS-485 bus on a serial port, through jssc. A reply is framed by its content ({@link Rtu#scan})
 * within an overall timeout, not by 1.5/3.5-character gaps, which USB adapters blur. Like the
 * serial driver it never calls jssc's blocking reads for more bytes than are waiting (after an
 * unplug they spin forever, java-native/jssc#94): it asks how many bytes are waiting, first when
 * the reply could be complete on the wire, then every character time (0.1–1 ms). A hung-up device
 * answers -1; a vanished device path is checked after each timeout.
 */
final class RtuLink implements Link {
    private static final Logger LOG = LoggerFactory.getLogger(RtuLink.class);
    private static final int CAPACITY = 1024;
    /** How long the line must stay quiet after a broken frame before it is given up: USB adapters deliver in bursts up to 16 ms apart. */
    private static final long SETTLE_NANOS = 20_000_000;

    private final SerialPort port;
    private final Path path;
    private final boolean echo;
    private final long charNanos;
    private final long silenceNanos;
    private final long pollNanos;
    private final byte[] buf = new byte[CAPACITY];
    private long quietSince = System.nanoTime();

    private RtuLink(SerialPort port, ModbusParams p) {
        this.port = port;
        this.path = Path.of(p.port());
        this.echo = p.echo();
        double bits = 1 + p.dataBits() + p.parity().bits() + p.stopBits();
        this.charNanos = (long) (bits * 1e9 / p.baud());
        // Modbus over serial line v1.02, 2.5.1.1: above 19200 baud a fixed 1.75 ms stands for 3.5 characters.
        this.silenceNanos = p.baud() > 19200 ? 1_750_000 : charNanos * 7 / 2;
        this.pollNanos = Math.max(100_000, Math.min(1_000_000, charNanos));
    }

    static RtuLink open(ModbusParams p) throws LinkDown {
        SerialPort port = new SerialPort(p.port());
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw new LinkDown("cannot open " + p.port() + ": " + e.getExceptionType());
        }
        try {
            // No RTS/DTR changes: a pseudo-terminal refuses them; direction control is the adapter's job.
            if (!port.setParams(p.baud(), p.dataBits(), SerialParams.jsscStopBits(p.stopBits()), p.parity().jssc(),
                    false, false)) {
                LOG.debug("serial port {}: line parameters not applied (not a real UART?)", p.port());
            }
        } catch (SerialPortException e) {
            LOG.debug("serial port {}: setParams failed: {}", p.port(), e.getExceptionType());
        }
        return new RtuLink(port, p);
    }

    @Override
    public Exchange exchange(ReadRequest request, long timeoutNanos, long pauseNanos) throws LinkDown {
        byte[] frame = Rtu.request(request);
        int noise = discardInput();
        park(quietSince + Math.max(silenceNanos, pauseNanos));
        noise += discardInput();
        write(frame);
        long sent = System.nanoTime();
        int from = echo ? frame.length : 0;
        // The request and its reply take this long on the wire however quick the slave: a timeout
        // is the slave's own time to answer (a 125-register reply takes 290 ms at 9600 baud).
        long onWire = (frame.length + from + Rtu.replyLength(request)) * charNanos;
        long deadline = sent + onWire + timeoutNanos;
        park(sent + onWire);
        int len = 0;
        long lastByte = sent;
        while (true) {
            int n = Math.min(available(), CAPACITY - len);
            long now = System.nanoTime();
            if (n > 0) {
                len += read(len, n);
                lastByte = now;
            } else if (len == CAPACITY) {
                quietSince = now;
                return Exchange.failed("bad-frame", CAPACITY + " bytes without the reply", noise + len);
            }
            Exchange echoed = checkEcho(frame, len);
            if (echoed != null) {
                quietSince = now;
                return echoed;
            }
            Scan scan = len < from ? Scan.PENDING : Rtu.scan(request, buf, from, len - from);
            if (scan instanceof Scan.Found f) {
                quietSince = lastByte;
                return Exchange.replied(f.reply(), noise + f.start() - from + len - f.end());
            }
            if (scan instanceof Scan.Failed f && now - lastByte >= SETTLE_NANOS) {
                quietSince = lastByte;
                return Exchange.failed(f.reason(), f.detail(), noise);
            }
            if (now - deadline >= 0) {
                quietSince = now;
                if (len > 0 && len < from) {
                    return Exchange.failed("echo", "no echo of the request, " + len
                            + " bytes of something else: set echo: false for an adapter that does not echo", noise);
                }
                return late(request, scan, len - from, noise, timeoutNanos);
            }
            park(Math.min(now + pollNanos, deadline));
        }
    }

    /** With {@code echo}, the request must come back first, unchanged; without, it must not come back at all. */
    private Exchange checkEcho(byte[] frame, int len) {
        if (len < frame.length) {
            return null;
        }
        boolean same = Arrays.equals(buf, 0, frame.length, frame, 0, frame.length);
        if (echo && !same) {
            return Exchange.failed("echo", "the echo of the request differs from it (a collision on the bus?)", 0);
        }
        if (!echo && same) {
            return Exchange.failed("echo", "the request came back: the adapter echoes what it sends; set echo: true", 0);
        }
        return null;
    }

    private Exchange late(ReadRequest request, Scan scan, int received, int noise, long timeoutNanos)
            throws LinkDown {
        if (!Files.exists(path)) {
            throw new LinkDown("device path gone");
        }
        if (scan instanceof Scan.Failed f) {
            return Exchange.failed(f.reason(), f.detail(), noise);
        }
        if (received == 0) {
            return Exchange.failed("timeout", "no reply from unit " + request.unit() + " within "
                    + timeoutNanos / 1_000_000 + " ms", noise);
        }
        return Exchange.failed("bad-frame", (scan instanceof Scan.Pending ? "incomplete reply: " : "no reply in ")
                + received + " bytes within " + timeoutNanos / 1_000_000 + " ms", noise);
    }

    @Override
    public int discardInput() throws LinkDown {
        int dropped = 0;
        int n;
        while ((n = Math.min(available(), CAPACITY)) > 0) {
            dropped += read(0, n);
        }
        return dropped;
    }

    @Override
    public boolean usable() {
        return true;
    }

    private int available() throws LinkDown {
        int n;
        try {
            n = port.getInputBufferBytesCount();
        } catch (SerialPortException e) {
            throw new LinkDown("read failed: " + e.getExceptionType());
        }
        if (n < 0) {
            throw new LinkDown("device hung up");
        }
        return n;
    }

    private int read(int at, int n) throws LinkDown {
        try {
            byte[] data = port.readBytes(n);
            System.arraycopy(data, 0, buf, at, data.length);
            return data.length;
        } catch (SerialPortException e) {
            throw new LinkDown("read failed: " + e.getExceptionType());
        }
    }

    private void write(byte[] frame) throws LinkDown {
        try {
            if (!port.writeBytes(frame)) {
                throw new LinkDown("write failed");
            }
        } catch (SerialPortException e) {
            throw new LinkDown("write failed: " + e.getExceptionType());
        }
    }

    private static void park(long untilNanos) {
        long left;
        while ((left = untilNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        try {
            port.closePort();
        } catch (SerialPortException | RuntimeException e) {
            LOG.debug("closing {}: {}", port.getPortName(), e.toString());
        }
    }
}
