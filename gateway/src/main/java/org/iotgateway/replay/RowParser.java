package org.iotgateway.replay;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the lines of a {@link Chunk} ({@code timestamp,sensor,channel,value}) into readings in its
 * columns, with no allocation per row. Lines go to {@link FastRowParser} first; a line it does not
 * take gets the full rules here. Rows that cannot become readings are counted in the chunk's
 * {@link RowRejects}; when a row has several faults, the first in this order wins: field count,
 * timestamp, sensor/channel, number. Chunk 0 starts with the header, which must match.
 * Stateless apart from the immutable key tables, so parsing threads share one instance.
 */
final class RowParser {
    static final String HEADER = "timestamp,sensor,channel,value";
    /** The shortest row that can be accepted: {@code 0,s,c,1\n}. */
    static final int MIN_ROW_BYTES = 8;
    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final KeyTable channels;
    private final KeyTable sensors;
    private final FastRowParser fast;

    RowParser(KeyTable channels, KeyTable sensors) {
        this.channels = channels;
        this.sensors = sensors;
        this.fast = new FastRowParser(channels);
    }

    /** Parses the chunk's lines into its columns, counts and rejects. */
    void parse(Chunk c) {
        if (c.kind == Chunk.Kind.OVERLONG) {
            overlongLine(c);
            return;
        }
        byte[] b = c.bytes;
        int to = c.length;
        int p = 0;
        long line = 0;
        if (c.seq == 0) {
            p = header(b);
            line = 1;
        }
        while (p < to) {
            int size = c.size;
            int next = fast.run(b, p, to, c); // every line it takes added one row
            line += c.size - size;
            if (next < to) {
                line++;
                next = line(b, next, line, c);
            }
            p = next;
        }
        c.lines = line;
    }

    /** Applies the full rules to the line at {@code p}; returns where the next one starts. */
    private int line(byte[] b, int p, long line, Chunk c) {
        RowRejects rejects = c.rejects;
        int i = p;
        byte ch;
        while ((ch = b[i]) != ',' && ch != '\n') {
            i++;
        }
        int c1 = i;
        if (ch == '\n') {
            boolean blank = i == p || (i == p + 1 && b[p] == '\r');
            rejects.reject(blank ? RejectReason.BLANK_LINE : RejectReason.WRONG_FIELD_COUNT, line);
            return i + 1;
        }
        while ((ch = b[++i]) != ',' && ch != '\n') {
            // sensor
        }
        int c2 = i;
        int c3 = -1;
        if (ch == ',') {
            while ((ch = b[++i]) != ',' && ch != '\n') {
                // channel
            }
            if (ch == ',') {
                c3 = i;
                while ((ch = b[++i]) != ',' && ch != '\n') {
                    // value
                }
            }
        }
        if (c3 < 0 || ch != '\n') {
            rejects.reject(RejectReason.WRONG_FIELD_COUNT, line);
            while (b[i] != '\n') {
                i++;
            }
            return i + 1;
        }
        int end = i > c3 + 1 && b[i - 1] == '\r' ? i - 1 : i;
        row(b, p, c1, c2, c3, end, line, c);
        return i + 1;
    }

    private void row(byte[] b, int start, int c1, int c2, int c3, int end, long line, Chunk c) {
        long ts = TimestampParser.parse(b, start, c1);
        if (ts == TimestampParser.INVALID) {
            c.rejects.reject(RejectReason.BAD_TIMESTAMP, line);
            return;
        }
        int id = channels.find(b, c1 + 1, c3);
        if (id < 0) {
            boolean knownSensor = sensors.find(b, c1 + 1, c2) >= 0;
            c.rejects.reject(knownSensor ? RejectReason.UNKNOWN_CHANNEL : RejectReason.UNKNOWN_SENSOR, line);
            return;
        }
        double v = DecimalParser.parse(b, c3 + 1, end);
        if (Double.isNaN(v)) {
            c.rejects.reject(RejectReason.BAD_NUMBER, line);
            return;
        }
        c.add(id, ts, v);
    }

    /** Checks line 1 and returns where line 2 starts. */
    private static int header(byte[] b) {
        int p = 0;
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

    private static void overlongLine(Chunk c) {
        if (c.seq == 0) {
            throw new UncheckedIOException(new ReplayInputException("line 1: expected the header '" + HEADER
                    + "', found a line longer than the read buffer"));
        }
        c.lines = 1;
        c.rejects.reject(RejectReason.LINE_TOO_LONG, 1);
    }
}
