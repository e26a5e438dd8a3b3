package org.iotgateway.replay;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.app.ChannelTable;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.WindowEngine;

/**
 * Replays a CSV of readings ({@code timestamp,sensor,channel,value}) through the configured filters
 * and windows (the live {@link WindowEngine}, not a copy of it) and writes the aggregates as JSON
 * lines of the wire payload, in window-end order, {@code seq} from 1. The data's own time is the
 * watermark: a reading whose window ended at or before the largest timestamp accepted before it is
 * late. At the end of the input every open window is flushed.
 *
 * <p>Bad rows never stop a replay; they are counted per reason and reported on {@code err}, followed
 * by a summary. Parsing runs on one thread per core ({@link ChunkPipeline}, at most
 * {@link #MAX_THREADS}), the engine and the output on the caller's thread, which takes the parsed
 * chunks in input order; the hot path parses bytes in reusable buffers and allocates nothing per row.
 */
public final class Replay {
    /** The input name meaning standard input. */
    public static final String STDIN = "-";
    /** More parsing threads than this would outrun the one engine thread. */
    static final int MAX_THREADS = 4;
    /** Parsing threads: one per core up to {@link #MAX_THREADS}; {@code -Diotgateway.replay.threads=N} sets it. */
    static final int THREADS = Math.max(1, Integer.getInteger("iotgateway.replay.threads",
            Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())));

    private Replay() {
    }

    /**
     * @param input a CSV file, or {@code -} for standard input
     * @param out where the JSON lines go (buffered here, flushed at the end, not closed)
     * @param err where the reject report and the summary go
     * @throws ReplayInputException the input is missing, unreadable, empty or has no valid header
     * @throws IOException writing to {@code out} failed
     */
    public static ReplayResult run(GatewayConfig config, Path input, OutputStream out, PrintStream err)
            throws IOException {
        long t0 = System.nanoTime();
        boolean stdin = input.toString().equals(STDIN);
        ReadableByteChannel in;
        try {
            in = stdin ? new FileInputStream(FileDescriptor.in).getChannel()
                    : FileChannel.open(input, StandardOpenOption.READ);
        } catch (IOException | SecurityException e) {
            throw new ReplayInputException("cannot read " + input + ": " + e, e);
        }
        try {
            return run(config, in, out, err, CsvChunkReader.DEFAULT_CHUNK, THREADS, t0);
        } finally {
            if (!stdin) {
                in.close();
            }
        }
    }

    static ReplayResult run(GatewayConfig config, ReadableByteChannel in, OutputStream out, PrintStream err,
                            int chunkSize, int threads, long t0) throws IOException {
        ChannelTable table = ChannelTable.of(config);
        List<ChannelInfo> channels = table.channels();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        AggregateWriter aggregates = new AggregateWriter(writer, config.gateway().id());
        // One open window per channel is all replay needs (the watermark is the data's own); 2 is the engine's minimum.
        WindowEngine engine = new WindowEngine(channels, table.filters(), 2, aggregates);
        RowRejects rejects = new RowRejects();
        EngineFeed feed = new EngineFeed(engine, rejects);
        RowParser parser = new RowParser(channelKeys(channels), sensorKeys(channels));
        try {
            new ChunkPipeline(new CsvChunkReader(in, chunkSize), parser, threads, chunkSize).run(feed);
            if (feed.lines() == 0) {
                throw new ReplayInputException("the input is empty: expected the header '" + RowParser.HEADER + "'");
            }
            engine.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a failed write
        }
        writer.flush();
        ReplayResult result = result(feed, rejects, engine, channels, aggregates.written(), System.nanoTime() - t0);
        ReplaySummary.print(result, err);
        return result;
    }

    private static ReplayResult result(EngineFeed feed, RowRejects rejects, WindowEngine engine,
                                       List<ChannelInfo> channels, long written, long elapsed) {
        Map<RejectReason, List<Long>> firstLines = new EnumMap<>(RejectReason.class);
        rejects.counts().keySet().forEach(r -> firstLines.put(r, rejects.firstLines(r)));
        Map<String, ChannelCounts> counts = new LinkedHashMap<>();
        for (ChannelInfo c : channels) {
            counts.put(c.sensor() + "/" + c.channel(), engine.counts(c.id()));
        }
        return new ReplayResult(feed.lines() - 1, feed.accepted(), rejects.counts(), firstLines, counts,
                written, elapsed);
    }

    private static KeyTable channelKeys(List<ChannelInfo> channels) {
        String[] keys = channels.stream().map(c -> c.sensor() + "," + c.channel()).toArray(String[]::new);
        return new KeyTable(keys, channels.stream().mapToInt(ChannelInfo::id).toArray());
    }

    private static KeyTable sensorKeys(List<ChannelInfo> channels) {
        String[] sensors = channels.stream().map(ChannelInfo::sensor).distinct().toArray(String[]::new);
        return new KeyTable(sensors, new int[sensors.length]);
    }
}
