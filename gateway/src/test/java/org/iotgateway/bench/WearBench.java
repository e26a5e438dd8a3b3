package org.iotgateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotgateway.testing.FastConfig;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.SmallFileSystem;
import org.iotgateway.testing.TestSubscriber;

/**
 * Disk writes per aggregate, online and steady (scripts/bench.sh wear): the real gateway process
 * at ~400 aggregates/s (4 channels, 10 ms windows) against a local mosquitto; {@code write_bytes}
 * and {@code wchar} from /proc/PID/io over a measured span, divided by the seqs the subscriber saw
 * in that span. As root, the outbox's directory is a loop-mounted ext4 image, and {@code device}
 * is what reached that block device in the span (journal, metadata, the seq ceiling's marker
 * files and their directory fsyncs included, which write_bytes does not see), after flushing it
 * at both ends. Usage: WearBench SYNC SECONDS (needs -Dgateway.jar)
 */
public final class WearBench {
    private WearBench() {
    }

    public static void main(String[] args) throws Exception {
        String sync = args[0];
        int seconds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("wear-bench");
        SmallFileSystem fs = "root".equals(System.getProperty("user.name"))
                ? SmallFileSystem.ext4(dir.resolve("state"), 512L << 20) : null;
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/wear/+/+")) {
            Path cfg = FastConfig.write(dir, "wear", broker.uri(), ", sync: " + sync);
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                while (sub.seqs().size() < 2000) {
                    Thread.sleep(100);
                }
                Thread.sleep(5_000);
                long dev0 = fs == null ? 0 : fs.deviceBytesWritten();
                long[] io0 = io(gw.pid());
                long seq0 = maxSeq(sub);
                Thread.sleep(seconds * 1000L);
                long[] io1 = io(gw.pid());
                long seq1 = maxSeq(sub);
                long dev1 = fs == null ? 0 : fs.deviceBytesWritten();
                gw.stop();
                long aggs = seq1 - seq0;
                System.out.printf("wear sync=%s: %d aggregates in %d s; write_bytes %.0f B/aggregate, wchar %.0f B/aggregate,"
                                + " device %s B/aggregate%n", sync, aggs, seconds, (io1[0] - io0[0]) / (double) aggs,
                        (io1[1] - io0[1]) / (double) aggs, fs == null ? "n/a (not root)"
                                : String.format("%.0f", (dev1 - dev0) / (double) aggs));
            }
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
    }

    private static long maxSeq(TestSubscriber sub) {
        return sub.seqs().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** {write_bytes, wchar} of a process. */
    private static long[] io(long pid) throws Exception {
        long wb = 0;
        long wc = 0;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
            if (l.startsWith("write_bytes:")) {
                wb = Long.parseLong(l.substring(12).trim());
            } else if (l.startsWith("wchar:")) {
                wc = Long.parseLong(l.substring(6).trim());
            }
        }
        return new long[] {wb, wc};
    }
}
