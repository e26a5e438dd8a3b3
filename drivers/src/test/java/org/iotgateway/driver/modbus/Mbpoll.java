package org.iotgateway.driver.modbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's mbpoll, an independent Modbus master, run once to cross-check what our driver reads. */
final class Mbpoll {
    // "[0]: 	230.5" or "[1]: 	65484 (-52)": the signed reading is the one in parentheses
    private static final Pattern VALUE = Pattern.compile("\\[(\\d+)]:\\s+(\\S+)(?:\\s+\\((-?\\d+)\\))?");

    private Mbpoll() {
    }

    /** Runs {@code mbpoll -0 -1 ARGS} (0-based addresses, one poll); returns address → value. */
    static Map<Integer, Double> read(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mbpoll", "-0", "-1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mbpoll " + cmd + " failed:\n" + out);
        }
        Map<Integer, Double> values = new LinkedHashMap<>();
        Matcher m = VALUE.matcher(out);
        while (m.find()) {
            values.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(3) != null ? m.group(3) : m.group(2)));
        }
        if (values.isEmpty()) {
            throw new IOException("mbpoll " + cmd + " printed no values:\n" + out);
        }
        return values;
    }
}
