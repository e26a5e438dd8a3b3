package org.iotgateway.remote;

import java.util.List;

/** A pushed config that is not applied, with the reason, a sentence for people and any FILE:LINE:COL problems. */
final class Refused extends Exception {
    private final RefusalReason reason;
    private final transient List<String> problems;

    Refused(RefusalReason reason, String detail) {
        this(reason, detail, List.of());
    }

    Refused(RefusalReason reason, String detail, List<String> problems) {
        super(detail, null, false, false);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    RefusalReason reason() {
        return reason;
    }

    List<String> problems() {
        return problems;
    }
}
