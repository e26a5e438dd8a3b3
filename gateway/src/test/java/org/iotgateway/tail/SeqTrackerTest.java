package org.iotgateway.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.iotgateway.tail.SeqTracker.Kind;
import org.iotgateway.tail.SeqTracker.Verdict;
import org.junit.jupiter.api.Test;

class SeqTrackerTest {

    @Test
    void classifiesNextGapDuplicateAndLatePerGateway() {
        SeqTracker t = new SeqTracker();
        assertThat(t.accept("a", 1, 10).kind()).isEqualTo(Kind.FIRST);
        assertThat(t.accept("a", 1, 11).kind()).isEqualTo(Kind.NEXT);
        assertThat(t.accept("b", 1, 500).kind()).as("another gateway has its own seqs").isEqualTo(Kind.FIRST);
        assertThat(t.accept("a", 1, 15)).isEqualTo(new Verdict(Kind.GAP, 12, 14, -1));
        assertThat(t.accept("a", 1, 13).kind()).isEqualTo(Kind.LATE);
        assertThat(t.accept("a", 1, 13).kind()).as("the late one again").isEqualTo(Kind.DUPLICATE);
        assertThat(t.accept("a", 1, 11).kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(t.accept("a", 1, 16).kind()).isEqualTo(Kind.NEXT);
        assertThat(t.totals().get("a")).isEqualTo(new SeqTracker.Totals(7, 1, 2, 1, 2));
        assertThat(t.totals().get("b")).isEqualTo(new SeqTracker.Totals(1, 0, 0, 0, 0));
    }

    @Test
    void aHigherBootIsReportedOnceAndOldBootsFromTheBacklogAreNot() {
        SeqTracker t = new SeqTracker();
        t.accept("a", 6, 100);
        Verdict restart = t.accept("a", 7, 101);
        assertThat(restart.kind()).as("seq continues across boots").isEqualTo(Kind.NEXT);
        assertThat(restart.previousBoot()).isEqualTo(6);
        assertThat(t.accept("a", 6, 101).newBoot()).as("a resend from the old boot").isFalse();
        assertThat(t.accept("a", 7, 102).newBoot()).isFalse();
        assertThat(t.accept("a", -1, 103).newBoot()).as("a payload without boot").isFalse();
    }

    @Test
    void forgetsTheOldestMissingRangesBeyondTheCap() {
        SeqTracker t = new SeqTracker();
        t.accept("a", 1, 1);
        for (int i = 0; i <= SeqTracker.MAX_RANGES; i++) {
            t.accept("a", 1, 3L + 2 * i); // every other seq skipped: one range each
        }
        assertThat(t.totals().get("a").missing()).isEqualTo(SeqTracker.MAX_RANGES);
        assertThat(t.accept("a", 1, 2).kind()).as("the forgotten first range").isEqualTo(Kind.DUPLICATE);
        assertThat(t.accept("a", 1, 4).kind()).isEqualTo(Kind.LATE);
    }

    /**
     * A gateway's seq stream as a subscriber may see it: in order, with seqs dropped (gaps), seqs
     * sent again later (resends after a reconnect) and seqs moved later (out of order). The tracker
     * reports exactly those: every gap range, every repeat, every late one, and what is still missing.
     */
    @Property(tries = 300)
    void reportsExactlyTheInjectedGapsDuplicatesAndLateArrivals(@ForAll @LongRange(min = 1, max = 1_000_000) long first,
                                                               @ForAll @IntRange(min = 1, max = 400) int n,
                                                               @ForAll long seed) {
        Random rnd = new Random(seed);
        List<Long> stream = new ArrayList<>();
        TreeSet<Long> dropped = new TreeSet<>();
        List<Long> delayed = new ArrayList<>();
        int repeats = 0;
        for (long s = first; s < first + n; s++) {
            int dice = rnd.nextInt(20);
            if (dice == 0 && s > first) {
                dropped.add(s);
                continue;
            }
            if (dice == 1 && s > first && s < first + n - 1) {
                delayed.add(s); // delivered after its successors
                continue;
            }
            stream.add(s);
            if (dice == 2) {
                int back = rnd.nextInt(stream.size());
                stream.add(stream.get(back)); // a resend of something already delivered
                repeats++;
            }
            if (!delayed.isEmpty() && rnd.nextInt(4) == 0) {
                stream.add(delayed.remove(0));
            }
        }
        stream.addAll(delayed);

        SeqTracker t = new SeqTracker();
        TreeSet<Long> reportedMissing = new TreeSet<>();
        int dups = 0;
        int late = 0;
        for (long s : stream) {
            Verdict v = t.accept("gw", 1, s);
            switch (v.kind()) {
                case GAP -> {
                    for (long m = v.missingFrom(); m <= v.missingTo(); m++) {
                        assertThat(reportedMissing.add(m)).as("a seq reported missing twice: " + m).isTrue();
                    }
                }
                case LATE -> {
                    assertThat(reportedMissing).as("late means it had been reported missing").contains(s);
                    late++;
                }
                case DUPLICATE -> dups++;
                default -> {
                }
            }
        }
        long lateExpected = stream.stream().distinct().filter(reportedMissing::contains).count();
        TreeSet<Long> stillMissing = new TreeSet<>(reportedMissing);
        stillMissing.removeAll(stream);
        long highest = stream.stream().mapToLong(Long::longValue).max().orElseThrow();

        assertThat(dups).as("every repeat, and nothing else").isEqualTo(repeats);
        assertThat(late).isEqualTo(lateExpected);
        assertThat(stillMissing).as("still missing = dropped below the highest seq delivered")
                .isEqualTo(dropped.headSet(highest, false));
        assertThat(t.totals().get("gw")).isEqualTo(new SeqTracker.Totals(stream.size(),
                t.totals().get("gw").gaps(), repeats, lateExpected, stillMissing.size()));
    }
}
