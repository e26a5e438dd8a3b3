package org.iotgateway.testing;

import java.util.ArrayList;
import java.util.List;

/** Renders sorted seqs as ranges ("4169..4200, 4305") so a failure names every seq without a wall of numbers. */
public final class SeqRanges {
    private SeqRanges() {
    }

    public static String of(List<Long> sorted) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + ".." + sorted.get(j));
            i = j + 1;
        }
        return out.size() + " range(s) of " + sorted.size() + " seqs: " + String.join(", ", out);
    }
}
