package org.iotgateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU and memory of running processes as the kernel counts them ({@code /proc/PID/stat} user + system
 * time, {@code /proc/PID/status} VmRSS), over a window: for the figures of tests that run many
 * gateways. Linux only. Blocks the calling thread for the window.
 *
 * @param seconds the window measured
 * @param cpu each process's CPU share over the window, in % of one core
 * @param rssMb each process's resident set at the end, in MB
 */
public record ProcessUsage(double seconds, List<Double> cpu, List<Double> rssMb) {
    /** USER_HZ: Linux reports CPU times in 1/100 s on every architecture we run on. */
    private static final double TICKS_PER_SECOND = 100;

    /** Samples every process's CPU time now and after {@code window}, its RSS at the end. */
    public static ProcessUsage sample(List<Long> pids, Duration window) throws IOException, InterruptedException {
        long[] before = new long[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            before[i] = cpuTicks(pids.get(i));
        }
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> cpu = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            cpu.add(100.0 * (cpuTicks(pids.get(i)) - before[i]) / TICKS_PER_SECOND / seconds);
            rss.add(rssKb(pids.get(i)) / 1024.0);
        }
        return new ProcessUsage(seconds, List.copyOf(cpu), List.copyOf(rss));
    }

    /** {@link #sample} as one line: median, largest and sum of CPU share and RSS. */
    public static String measure(List<Long> pids, Duration window) throws IOException, InterruptedException {
        return sample(pids, window).toString();
    }

    /** The resident sets of processes now, in MB. */
    public static List<Double> rssMb(List<Long> pids) throws IOException {
        List<Double> out = new ArrayList<>();
        for (long pid : pids) {
            out.add(rssKb(pid) / 1024.0);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d processes over %.0f s: CPU median %.2f %% of a core (max %.2f %%, sum"
                + " %.1f %%), RSS median %.1f MB (max %.1f MB, sum %.0f MB)", cpu.size(), seconds, median(cpu),
                max(cpu), sum(cpu), median(rssMb), max(rssMb), sum(rssMb));
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat (counted after the command's closing parenthesis). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    public static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    public static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public static double sum(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sum();
    }
}
