package org.iotgateway.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * This device's own identity, what {@code gateway.id: auto} becomes: the one place that answers
 * "which device am I", for the config loader and for anything that must address this device alone
 * (remote configuration). Tried in order:
 * <ol>
 * <li>the id file ({@code /etc/iot-gateway/gateway-id}, or {@code IOT_GATEWAY_ID_FILE}): a name given
 * to this device, which {@code flash.sh --gateway-id} writes into each image;</li>
 * <li>the Raspberry Pi's serial number ({@code Serial} in {@code /proc/cpuinfo}, else the device
 * tree's {@code serial-number}): {@code pi-} and its hex digits, e.g. {@code pi-10000000a1b2c3d4}. It is
 * burnt into the chip, so two cards cloned from one image still differ;</li>
 * <li>{@code /etc/machine-id}: {@code gw-} and 12 hex digits of HMAC-SHA256 keyed with it (systemd
 * asks applications never to publish the machine id itself). A clone of a card that has already
 * booted carries the same machine id: prefer the serial or an id file on such devices.</li>
 * </ol>
 * Reads a few small files; call it on a start-up thread. Immutable.
 */
public final class DeviceId {
    /** The value of {@code gateway.id} that asks for this. */
    public static final String AUTO = "auto";
    /** The environment variable naming another id file (tests, read-only /etc). */
    public static final String ID_FILE_VARIABLE = "IOT_GATEWAY_ID_FILE";
    static final Path DEFAULT_ID_FILE = Path.of("/etc/iot-gateway/gateway-id");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CPUINFO_SERIAL = Pattern.compile("(?m)^Serial\\s*:\\s*([0-9A-Fa-f]{8,16})\\s*$");
    private static final Pattern HEX_SERIAL = Pattern.compile("[0-9A-Fa-f]{8,16}");
    private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-f]{32}");
    /** The HMAC message: an id of this application, so other applications' derived ids differ from ours. */
    private static final byte[] APP = "iot-gateway gateway.id".getBytes(StandardCharsets.US_ASCII);

    /**
     * A derived id and where it came from.
     *
     * @param id the gateway id
     * @param source for people: which file or number it was derived from
     */
    public record Derived(String id, String source) {
    }

    /** No identity could be derived; the message says what was tried and what to do. */
    public static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    private final Path idFile;
    private final Path cpuinfo;
    private final Path deviceTreeSerial;
    private final Path machineId;

    public DeviceId(Path idFile, Path cpuinfo, Path deviceTreeSerial, Path machineId) {
        this.idFile = idFile;
        this.cpuinfo = cpuinfo;
        this.deviceTreeSerial = deviceTreeSerial;
        this.machineId = machineId;
    }

    /** This machine's files; {@code env} may name another id file ({@link #ID_FILE_VARIABLE}). */
    public static DeviceId system(Function<String, String> env) {
        String file = env.apply(ID_FILE_VARIABLE);
        return new DeviceId(file == null || file.isBlank() ? DEFAULT_ID_FILE : Path.of(file), Path.of("/proc/cpuinfo"),
                Path.of("/sys/firmware/devicetree/base/serial-number"), Path.of("/etc/machine-id"));
    }

    /** The first identity found, in the order above. */
    public Derived derive() throws NotFound {
        Optional<String> named = read(idFile).map(String::strip).filter(s -> !s.isEmpty());
        if (named.isPresent()) {
            if (!ID.matcher(named.get()).matches()) {
                throw new NotFound(idFile + " holds '" + named.get() + "', not a gateway id (1-64 letters, digits,"
                        + " '.', '_' or '-', starting with a letter or digit)");
            }
            return new Derived(named.get(), idFile.toString());
        }
        Optional<String> serial = read(cpuinfo).flatMap(DeviceId::cpuinfoSerial);
        if (serial.isPresent()) {
            return new Derived(piId(serial.get()), "the Raspberry Pi's serial number in " + cpuinfo);
        }
        serial = read(deviceTreeSerial).map(s -> s.replace("\0", "").strip())
                .filter(s -> HEX_SERIAL.matcher(s).matches() && !zeros(s));
        if (serial.isPresent()) {
            return new Derived(piId(serial.get()), "the board's serial number in " + deviceTreeSerial);
        }
        Optional<String> machine = read(machineId).map(String::strip).filter(s -> MACHINE_ID.matcher(s).matches());
        if (machine.isPresent()) {
            return new Derived("gw-" + hmac(machine.get()).substring(0, 12), machineId + ", hashed");
        }
        throw new NotFound("found no identity on this machine: no " + idFile + ", no serial number in " + cpuinfo
                + " or " + deviceTreeSerial + ", no usable " + machineId + " (systemd-machine-id-setup writes one);"
                + " write a name into " + idFile + " or set gateway.id to one");
    }

    static Optional<String> cpuinfoSerial(String text) {
        Matcher m = CPUINFO_SERIAL.matcher(text);
        return m.find() && !zeros(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code pi-} and the serial in lower case, leading zeros dropped down to 8 digits (as older Pis print it). */
    static String piId(String serial) {
        String s = serial.toLowerCase(Locale.ROOT);
        int start = 0;
        while (s.length() - start > 8 && s.charAt(start) == '0') {
            start++;
        }
        return "pi-" + s.substring(start);
    }

    private static boolean zeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static String hmac(String machineIdHex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(machineIdHex), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(APP));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static Optional<String> read(Path file) throws NotFound {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A file that exists but cannot be read is a problem to report, not a reason to pick another id.
            throw new NotFound("cannot read " + file + ": " + e);
        }
    }
}
