package org.iotgateway.driver.modbus;

import static org.iotgateway.driver.InvalidValueException.check;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.driver.SampledParams;
import org.iotgateway.driver.SharedLinkParams;
import org.iotgateway.driver.serial.Parity;

/**
 * Sensor-level parameters of the {@code modbus} driver: one slave device, on an RS-485 bus (RTU,
 * {@code port}) or behind a TCP host ({@code host}). Sensors naming the same port, or the same host
 * and port, share one connection and take turns on it.
 *
 * @param port the serial device of the RS-485 bus, for RTU; prefer {@code /dev/serial/by-id/...}.
 *        Sensors with the same port share the bus (default: give {@code port} or {@code host})
 * @param host {@code HOST} or {@code HOST:PORT} of a Modbus TCP device or gateway, for TCP; port 502 if
 *        none, IPv6 as {@code [::1]:502}. Sensors with the same host and port share one connection
 *        (default: give {@code port} or {@code host})
 * @param baud RTU line speed (default 9600; range 50–4000000)
 * @param dataBits RTU data bits per character (default 8; range 7 or 8)
 * @param parity RTU parity bit; Modbus's own default is even, most meters ship with none (default none)
 * @param stopBits RTU stop bits (default 1; range 1, 1.5 or 2)
 * @param echo RTU: the adapter echoes every request back (some 2-wire RS-485 adapters); the echo is
 *        checked and skipped (default false)
 * @param unit the slave id (default: required on RTU, 1 on TCP; range 1–247 on RTU, 0–255 on TCP)
 * @param interval how often the slave is read (default 10s; range longer than {@code timeout} (at least 10ms))
 * @param timeout how long the slave may take to answer one request, on top of the time the request and
 *        its reply take on the wire (default 500ms; range at least 5ms, below {@code interval} and 1m)
 * @param pause silence on the bus before each request to this slave, on top of 3.5 characters
 *        (default: 5ms on RTU, 0s on TCP; range 0s–10s)
 * @param maxGap unused registers (or bits) read along to join two channels into one request; 0 joins
 *        only adjacent ones (default 10; range 0–2000)
 * @param maxRegisters most registers per request; some devices take fewer than the protocol's 125
 *        (default 125; range 4–125)
 * @param maxCoils most coils or discrete inputs per request (default 2000; range 1–2000)
 * @param retryMin first delay before asking a silent slave again (at least its {@code interval}) and
 *        before reopening a lost port or connection (the smallest of the sensors on it); doubles up
 *        to {@code retry-max} (default 500ms; range at least 10ms)
 * @param retryMax longest such delay; at least {@code retry-min} (default 5s)
 */
public record ModbusParams(String port, String host, Integer baud, Integer dataBits, Parity parity, Double stopBits,
        Boolean echo, Integer unit, Duration interval, Duration timeout, Duration pause, Integer maxGap,
        Integer maxRegisters, Integer maxCoils, Duration retryMin, Duration retryMax)
        implements SampledParams, SharedLinkParams {
    static final int TCP_PORT = 502;
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?");

    public ModbusParams {
        check(port != null || host != null, "port", "'port' or 'host' is required: 'port' for RTU (a serial device "
                + "such as /dev/ttyUSB0), 'host' for TCP (HOST:PORT)");
        check(port == null || host == null, "host", "give 'port' (RTU) or 'host' (TCP), not both");
        if (host != null) {
            checkHost(host);
            for (String k : new String[] {"baud", "data-bits", "parity", "stop-bits", "echo"}) {
                check(rtuKey(k, baud, dataBits, parity, stopBits, echo) == null, k,
                        "'" + k + "' is a serial line setting; a TCP device ('host') has none");
            }
            unit = unit == null ? 1 : unit;
            check(unit >= 0 && unit <= 255, "unit", "'unit' must be 0–255 on TCP, got " + unit);
        } else {
            check(!port.isBlank(), "port", "'port' must be a device path such as /dev/serial/by-id/usb-...");
            check(unit != null, "unit", "'unit' is required");
            check(unit >= 1 && unit <= 247, "unit", "'unit' must be a slave id, 1–247, got " + unit);
            baud = baud == null ? 9600 : baud;
            check(baud >= 50 && baud <= 4_000_000, "baud", "'baud' must be 50–4000000, got " + baud);
            dataBits = dataBits == null ? 8 : dataBits;
            check(dataBits == 7 || dataBits == 8, "data-bits", "'data-bits' must be 7 or 8, got " + dataBits);
            parity = parity == null ? Parity.NONE : parity;
            stopBits = stopBits == null ? 1.0 : stopBits;
            check(stopBits == 1 || stopBits == 1.5 || stopBits == 2, "stop-bits", "'stop-bits' must be 1, 1.5 or 2");
            echo = echo != null && echo;
        }
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        check(interval.toMillis() >= 10, "interval", "'interval' must be at least 10ms");
        timeout = timeout == null ? Duration.ofMillis(500) : timeout;
        check(timeout.toMillis() >= 5 && timeout.compareTo(Duration.ofMinutes(1)) <= 0, "timeout",
                "'timeout' must be 5ms–1m");
        check(timeout.compareTo(interval) < 0, "timeout", "'timeout' (" + timeout.toMillis()
                + "ms) must be shorter than 'interval' (" + interval.toMillis() + "ms)");
        pause = pause == null ? Duration.ofMillis(port != null ? 5 : 0) : pause;
        check(!pause.isNegative() && pause.compareTo(Duration.ofSeconds(10)) <= 0, "pause", "'pause' must be 0–10s");
        maxGap = maxGap == null ? 10 : maxGap;
        check(maxGap >= 0 && maxGap <= 2000, "max-gap", "'max-gap' must be 0–2000");
        maxRegisters = maxRegisters == null ? 125 : maxRegisters;
        check(maxRegisters >= 4 && maxRegisters <= 125, "max-registers",
                "'max-registers' must be 4–125 (a 64-bit value takes 4)");
        maxCoils = maxCoils == null ? 2000 : maxCoils;
        check(maxCoils >= 1 && maxCoils <= 2000, "max-coils", "'max-coils' must be 1–2000");
        retryMin = retryMin == null ? Duration.ofMillis(500) : retryMin;
        retryMax = retryMax == null ? Duration.ofSeconds(5) : retryMax;
        check(retryMin.toMillis() >= 10, "retry-min", "'retry-min' must be at least 10ms");
        check(retryMax.compareTo(retryMin) >= 0, "retry-max", "'retry-max' must be at least 'retry-min'");
    }

    private static Object rtuKey(String key, Integer baud, Integer dataBits, Parity parity, Double stopBits,
            Boolean echo) {
        return switch (key) {
            case "baud" -> baud;
            case "data-bits" -> dataBits;
            case "parity" -> parity;
            case "stop-bits" -> stopBits;
            default -> echo;
        };
    }

    private static void checkHost(String host) {
        Matcher m = HOST.matcher(host.trim());
        check(m.matches(), "host", "'host' must be HOST or HOST:PORT (IPv6 as [::1]:502), got '" + host + "'");
        check(m.group(2) == null || Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65535,
                "host", "the port in 'host' must be 1–65535");
    }

    /** True for Modbus TCP, false for RTU on a serial port. */
    boolean tcp() {
        return host != null;
    }

    /** The host name or address alone (IPv6 without brackets). */
    String hostName() {
        Matcher m = HOST.matcher(host.trim());
        m.matches();
        String h = m.group(1);
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    int tcpPort() {
        Matcher m = HOST.matcher(host.trim());
        m.matches();
        return m.group(2) == null ? TCP_PORT : Integer.parseInt(m.group(2));
    }

    @Override
    public Duration sampleInterval(Record channelParams) {
        return interval;
    }

    @Override
    public String link() {
        return tcp() ? "Modbus TCP host " + hostName().toLowerCase(Locale.ROOT) + ":" + tcpPort() : "serial port " + port;
    }

    @Override
    public String linkKey() {
        return tcp() ? "host" : "port";
    }

    @Override
    public boolean shareable() {
        return true;
    }

    @Override
    public Map<String, Object> linkSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!tcp()) {
            m.put("baud", baud);
            m.put("data-bits", dataBits);
            m.put("parity", parity.name().toLowerCase(Locale.ROOT));
            m.put("stop-bits", stopBits);
            m.put("echo", echo);
        }
        return m;
    }
}
