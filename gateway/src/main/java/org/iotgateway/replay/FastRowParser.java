package org.iotgateway.replay;

/**
 * The one-pass path for the row shape nearly every export has: epoch milliseconds (1 to 15 digits),
 * a configured {@code sensor,channel}, and a plain decimal ({@code -?digits[.digits]}, at most 7
 * digits either side of the point), ending in {@code \n} or {@code \r\n}. It reads eight bytes at a
 * time ({@link Swar}) and never backs up.
 *
 * <p>It only ever accepts: any other line (ISO time, a sign or exponent, an unknown key, a fault)
 * makes it stop there and {@link RowParser} applies the full rules to that line. A row it accepts is
 * one the full rules accept with the same values: the timestamp is the same digit sum, and with at
 * most 14 digits and 7 decimals the value is {@link DecimalParser}'s exact {@code m / 10^k}.
 *
 * <p>Reads up to 8 bytes past a line's {@code '\n'}: the buffer needs {@link #PAD} spare bytes after
 * the data. Stateless; shared by parsing threads.
 */
final class FastRowParser {
    /** Spare bytes a buffer needs after its last {@code '\n'}. */
    static final int PAD = 8;
    private static final byte COMMA = ',';
    private static final byte NEWLINE = '\n';

    private final KeyTable channels;

    FastRowParser(KeyTable channels) {
        this.channels = channels;
    }

    /**
     * Parses the line at {@code b[p]} into {@code out}.
     *
     * @return where the next line starts, or -1 (nothing added) when the line needs the full rules
     */
    int parse(byte[] b, int p, Chunk out) {
        int size = out.size;
        int next = run(b, p, p + 1, out);
        return out.size > size ? next : -1;
    }

    /**
     * Parses the lines from {@code b[p]} on into {@code out} until {@code to} or the first line that
     * needs the full rules.
     *
     * <p>The loop over the lines is here, around the per-row code, not in the caller: a per-row method
     * called from an interpreted loop is compiled on its own first, and the caller's compilation
     * then inlined it or not ("already compiled into a big method") depending on which compiler
     * thread finished first, so the same replay ran with or without a call per row. One method
     * holding the loop is compiled the same way every run, and once instead of twice.
     *
     * @return where the first line not taken starts, or {@code to}
     */
    int run(byte[] b, int p, int to, Chunk out) {
        while (p < to) {
            long w = Swar.word(b, p);
            int n = Swar.leadingDigits(w);
            if (n == 0) {
                return p;
            }
            long ts = Swar.digitsValue(w, n);
            int i = p + n;
            if (n == 8) {
                long w2 = Swar.word(b, i);
                int n2 = Swar.leadingDigits(w2);
                if (n2 == 8) {
                    return p; // 16 digits or more: not a timestamp the full rules accept either
                }
                if (n2 > 0) {
                    ts = ts * Swar.pow10(n2) + Swar.digitsValue(w2, n2);
                    i += n2;
                }
            }
            if (b[i] != COMMA) {
                return p;
            }
            int keyFrom = i + 1;
            int keyEnd = secondComma(b, keyFrom);
            if (keyEnd < 0) {
                return p;
            }
            int id = channels.find(b, keyFrom, keyEnd);
            if (id < 0) {
                return p;
            }
            int next = value(b, keyEnd + 1, id, ts, out);
            if (next < 0) {
                return p;
            }
            p = next;
        }
        return p;
    }

    private static int value(byte[] b, int i, int id, long ts, Chunk out) {
        // 1 for a minus sign, else 0, without a branch: a branch never taken while the JIT profiles it
        // (exports that start positive) is compiled as a trap, and the first negative value then
        // throws the compiled code away.
        int minus = (((b[i] & 0xFF) ^ '-') - 1) >>> 31;
        i += minus;
        long w = Swar.word(b, i);
        int whole = Swar.leadingDigits(w);
        if (whole == 8) {
            return -1;
        }
        long m = whole == 0 ? 0 : Swar.digitsValue(w, whole);
        i += whole;
        int decimals = 0;
        if (b[i] == '.') {
            i++;
            long f = Swar.word(b, i);
            decimals = Swar.leadingDigits(f);
            if (decimals == 8) {
                return -1;
            }
            if (decimals > 0) {
                m = m * Swar.pow10(decimals) + Swar.digitsValue(f, decimals);
                i += decimals;
            }
        }
        if (whole + decimals == 0) {
            return -1;
        }
        if (b[i] == '\r') {
            i++;
        }
        if (b[i] != NEWLINE) {
            return -1;
        }
        // m / 1 and v * +-1 are exact: the value DecimalParser gives, with no data-dependent branch.
        out.add(id, ts, m / DecimalParser.pow10(decimals) * (1 - 2 * minus));
        return i + 1;
    }

    /** The index of the second comma from {@code from} on, or -1 when the line ends first. */
    static int secondComma(byte[] b, int from) {
        boolean first = false;
        for (int at = from; ; at += 8) {
            long w = Swar.word(b, at);
            long commas = Swar.bytesEqual(w, COMMA);
            int newline = Swar.firstFlagged(Swar.bytesEqual(w, NEWLINE));
            while (commas != 0) {
                int c = Swar.firstFlagged(commas);
                if (c > newline) {
                    return -1;
                }
                if (first) {
                    return at + c;
                }
                first = true;
                commas &= commas - 1;
            }
            if (newline < 8) {
                return -1;
            }
        }
    }
}
