package org.iotgateway.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.testing.SeqRanges;

/**
 * The checks and figures of one setting's {@link PowerCuts} run. Checks: the gateway always
 * restarted; every seq up to the last is received, pending or inside a recorded loss; no seq carried
 * two different payloads (printed, received or pending: a seq reused for another aggregate); boot
 * strictly increasing; no recorded loss covers more missing seqs than it counted; every aggregate
 * a cut lost lies in a recorded loss. Figures: the aggregates each cut lost (printed by the run it
 * ended, so committed, not in the file right after the cut, never received), what the starts
 * recorded for the cuts (at most), and how many delivered aggregates recorded losses counted.
 */
record PowerCutReport(String sync, int cuts, List<Long> lostPerCut, long lostOutsideLedger, long uncounted,
                      long reused, long reusedAtSubscriber, int bootRepeats, int restartFailures, long ledgerUnder,
                      long ledgerOver, long countedAtStarts, long lastSeq, List<String> problems) {
    /** What a start records for the unclean stop before it. */
    private static final Set<LossReason> AT_START = Set.of(LossReason.POWER_CUT, LossReason.CRASH);

    static PowerCutReport of(PowerCuts.Observed o) {
        List<String> problems = new ArrayList<>();
        List<PowerCuts.Run> runs = o.runs();
        int failures = (int) runs.stream().filter(r -> !r.restarted()).count();
        if (failures > 0) {
            problems.add(failures + " start(s) did not reach 'running'");
        }
        int bootRepeats = bootRepeats(runs, problems);
        Map<Long, Set<String>> payloads = new HashMap<>();
        o.received().forEach((s, p) -> payloads.computeIfAbsent(s, k -> new HashSet<>()).addAll(p));
        runs.forEach(r -> r.printed().forEach((s, p) -> payloads.computeIfAbsent(s, k -> new HashSet<>()).add(p)));
        PowerCutBooks books = o.books();
        if (books != null) {
            books.pending().forEach((s, p) -> payloads.computeIfAbsent(s, k -> new HashSet<>()).add(p));
        }
        long reused = payloads.values().stream().filter(p -> p.size() > 1).count();
        long reusedAtSubscriber = o.received().values().stream().filter(p -> p.size() > 1).count();
        if (reused > 0) {
            problems.add(reused + " seqs carried two payloads (" + reusedAtSubscriber + " of them at the subscriber)");
        }
        if (books == null) {
            problems.add("no end state: the last start failed");
            return new PowerCutReport(o.sync(), runs.size() - 1, List.of(), 0, 0, reused, reusedAtSubscriber,
                    bootRepeats, failures, 0, 0, 0, 0, problems);
        }
        long[] overUnder = claim(o, books, new HashMap<>());
        List<Long> lostPerCut = new ArrayList<>();
        long lostOutside = 0;
        for (PowerCuts.Run r : runs.subList(0, runs.size() - 1)) {
            long lost = 0;
            for (Map.Entry<Long, String> e : r.printed().entrySet()) {
                if (!r.survived().contains(e.getKey()) && !o.received().getOrDefault(e.getKey(), Set.of())
                        .contains(e.getValue())) {
                    lost++;
                    lostOutside += books.inLoss(e.getKey()) ? 0 : 1;
                }
            }
            lostPerCut.add(lost);
        }
        long maxSeq = Math.max(books.lastSeq(), o.received().keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        List<Long> uncounted = LongStream.rangeClosed(1, maxSeq).filter(s -> missing(o, books, s) && !books.inLoss(s))
                .boxed().toList();
        if (!uncounted.isEmpty()) {
            problems.add("seqs neither received, pending nor in a recorded loss: " + SeqRanges.of(uncounted));
        }
        if (lostOutside > 0) {
            problems.add(lostOutside + " committed aggregates lost outside every recorded loss");
        }
        if (overUnder[1] > 0) {
            problems.add("recorded losses cover " + overUnder[1] + " more missing seqs than they counted");
        }
        long counted = books.losses().stream().filter(l -> AT_START.contains(l.reason())).mapToLong(Loss::count).sum();
        return new PowerCutReport(o.sync(), runs.size() - 1, lostPerCut, lostOutside, uncounted.size(), reused,
                reusedAtSubscriber, bootRepeats, failures, overUnder[1], overUnder[0], counted, books.lastSeq(), problems);
    }

    /**
     * Gives each missing seq to the first recorded loss (in ledger order) whose range covers it and
     * whose count is not used up. Ranges may overlap (an eviction's range runs from the oldest row
     * left, across a gap that another loss explains).
     *
     * @return {counted but not missing, missing inside some range but beyond every count}
     */
    private static long[] claim(PowerCuts.Observed o, PowerCutBooks books, Map<Long, LossReason> claims) {
        long over = 0;
        for (Loss l : books.losses()) {
            long left = l.count();
            for (long s = l.firstSeq(); s <= l.lastSeq() && left > 0; s++) {
                if (missing(o, books, s) && claims.putIfAbsent(s, l.reason()) == null) {
                    left--;
                }
            }
            over += left;
        }
        long under = 0;
        for (long s = 1; s <= books.lastSeq(); s++) {
            if (missing(o, books, s) && !claims.containsKey(s) && books.inLoss(s)) {
                under++;
            }
        }
        return new long[] {over, under};
    }

    private static boolean missing(PowerCuts.Observed o, PowerCutBooks books, long seq) {
        return !o.received().containsKey(seq) && !books.pending().containsKey(seq);
    }

    /** Starts whose boot was not above every earlier one. */
    private static int bootRepeats(List<PowerCuts.Run> runs, List<String> problems) {
        long highest = 0;
        int repeats = 0;
        TreeSet<Long> repeated = new TreeSet<>();
        for (PowerCuts.Run r : runs) {
            if (r.boot() < 0) {
                continue;
            }
            if (r.boot() <= highest) {
                repeats++;
                repeated.add(r.boot());
            }
            highest = Math.max(highest, r.boot());
        }
        if (repeats > 0) {
            problems.add(repeats + " start(s) did not get a boot above every earlier one: boot " + repeated);
        }
        return repeats;
    }

    long median() {
        List<Long> s = lostPerCut.stream().sorted().toList();
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }

    long max() {
        return lostPerCut.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static final String COLUMNS = "%-9s %5s %9s %9s %9s %9s %10s %8s %7s %8s %8s %9s %9s";
    private static final String ROW = "%-9s %5d %9d %9d %9d %9d %10d %8d %7d %8d %8d %9d %9d";

    static String header() {
        return String.format(COLUMNS, "sync", "cuts", "lost/cut", "lost/cut", "lost", "counted", "uncounted", "seqs",
                "boot", "restart", "ledger", "ledger", "last seq") + "\n" + String.format(COLUMNS, "", "", "median",
                "max", "not in", "at starts", "gap seqs", "reused", "repeats", "failures", "under", "over", "")
                + "\n" + String.format(COLUMNS, "", "", "", "", "ledger", "(at most)", "", "", "", "", "", "", "");
    }

    String row() {
        return String.format(ROW, sync, cuts, median(), max(),
                lostOutsideLedger, countedAtStarts, uncounted, reused, bootRepeats, restartFailures, ledgerUnder,
                ledgerOver, lastSeq);
    }
}
