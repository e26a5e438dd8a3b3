package org.iotgateway.check;

import java.io.PrintStream;

/**
 * Prints results as they come, one line each ({@code ok   subject: detail}), the fix indented on
 * the next line, and decides the exit status: 1 if anything failed, else 0. Single-threaded.
 */
public final class CheckReport {
    private final PrintStream out;
    private int failed;
    private int warned;
    private int total;

    public CheckReport(PrintStream out) {
        this.out = out;
    }

    public void add(CheckResult r) {
        total++;
        switch (r.outcome()) {
            case FAIL -> failed++;
            case WARN -> warned++;
            default -> { }
        }
        out.printf("%-5s %s: %s%n", label(r.outcome()), r.subject(), r.detail());
        if (r.fix() != null) {
            out.printf("      fix: %s%n", r.fix());
        }
    }

    /** Prints the summary line and returns the exit status. */
    public int finish() {
        out.println(plural(total, "check") + ": " + failed + " failed, " + plural(warned, "warning"));
        return failed > 0 ? 1 : 0;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String label(CheckResult.Outcome o) {
        return switch (o) {
            case OK -> "ok";
            case WARN -> "WARN";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
    }
}
