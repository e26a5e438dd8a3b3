package org.iotgateway.replay;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns CSV lines ({@code timestamp,sensor,channel,value}) into readings for a {@link ReadingTarget}
 * (the engine, directly or through a {@link ReadingPipe}), in one pass over the read buffer with no
 * allocation per row. Rows that cannot become readings are counted in {@link RowRejects}; when a row
 * has several faults, the first in this order wins: field count, timestamp, sensor/channel, number.
 * Single-threaded.
 */
final class RowParser implements CsvChunkReader.Sink {
    static final String HEADER = "timestamp,sensor,channel,value";
    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final KeyTable channels;
    private final KeyTable sensors;
    private final ReadingTarget target;
    private final RowRejects rejects;
    private long line;
    private long accepted;

    RowParser(KeyTable channels, KeyTable sensors, ReadingTarget target, RowRejects rejects) {
        this.channels = channels;
        this.sensors = sensors;
        this.target = target;
        this.rejects = rejects;
    }

    @Override
    public void lines(byte[] b, int from, int to) {
        int p = from;
        if (line == 0) {
            p = header(b, p);
        }
        while (p < to) {
            line++;
            int i = p;
            byte c;
            while ((c = b[i]) != ',' && c != '\n') {
                i++;
            }
            int c1 = i;
            if (c == '\n') {
                boolean blank = i == p || (i == p + 1 && b[p] == '\r');
                rejects.reject(blank ? RejectReason.BLANK_LINE : RejectReason.WRONG_FIELD_COUNT, line);
                p = i + 1;
                continue;
            }
            while ((c = b[++i]) != ',' && c != '\n') {
                // sensor
            }
            int c2 = i;
            int c3 = -1;
            if (c == ',') {
                while ((c = b[++i]) != ',' && c != '\n') {
                    // channel
                }
                if (c == ',') {
                    c3 = i;
                    while ((c = b[++i]) != ',' && c != '\n') {
                        // value
                    }
                }
            }
            if (c3 < 0 || c != '\n') {
                rejects.reject(RejectReason.WRONG_FIELD_COUNT, line);
                while (b[i] != '\n') {
                    i++;
                }
                p = i + 1;
                continue;
            }
            int end = i > c3 + 1 && b[i - 1] == '\r' ? i - 1 : i;
            row(b, p, c1, c2, c3, end);
            p = i + 1;
        }
    }

    private void row(byte[] b, int start, int c1, int c2, int c3, int end) {
        long ts = TimestampParser.parse(b, start, c1);
        if (ts == TimestampParser.INVALID) {
            rejects.reject(RejectReason.BAD_TIMESTAMP, line);
            return;
        }
        int id = channels.find(b, c1 + 1, c3);
        if (id < 0) {
            boolean knownSensor = sensors.find(b, c1 + 1, c2) >= 0;
            rejects.reject(knownSensor ? RejectReason.UNKNOWN_CHANNEL : RejectReason.UNKNOWN_SENSOR, line);
            return;
        }
        double v = DecimalParser.parse(b, c3 + 1, end);
        if (Double.isNaN(v)) {
            rejects.reject(RejectReason.BAD_NUMBER, line);
            return;
        }
        accepted++;
        target.reading(id, ts, v);
    }

    /** Checks line 1 and returns where line 2 starts. */
    private int header(byte[] b, int p) {
        line = 1;
        int eol = p;
        while (b[eol] != '\n') {
            eol++;
        }
        int end = eol > p && b[eol - 1] == '\r' ? eol - 1 : eol;
        int start = p;
        if (end - start >= 3 && Arrays.equals(b, start, start + 3, BOM, 0, 3)) {
            start += 3;
        }
        if (!Arrays.equals(b, start, end, HEADER_BYTES, 0, HEADER_BYTES.length)) {
            String found = new String(b, start, Math.min(end - start, 80), StandardCharsets.UTF_8);
            throw new UncheckedIOException(new ReplayInputException(
                    "line 1: expected the header '" + HEADER + "', found '" + found + "'"));
        }
        return eol + 1;
    }

    @Override
    public void overlongLine() {
        if (line == 0) {
            throw new UncheckedIOException(new ReplayInputException("line 1: expected the header '" + HEADER
                    + "', found a line longer than the read buffer"));
        }
        line++;
        rejects.reject(RejectReason.LINE_TOO_LONG, line);
    }

    /** Lines read so far, the header included. */
    long lines() {
        return line;
    }

    long accepted() {
        return accepted;
    }
}
