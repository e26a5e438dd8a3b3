package org.iotgateway.remote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A process that does nothing but what the gateway does to its state directory when configs are
 * pushed, as fast as it can, until it is killed: add a version (about 600 kB), start it, apply it,
 * prune, printing {@code applied N} after each. {@link StoreCrashIT} SIGKILLs it at random moments.
 * Arguments: the state directory.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    /** The YAML of version {@code v}: its content tells which version it is, so a mix-up shows. */
    static String yaml(long v) {
        return "gateway: {id: crash}\n" + ("# version " + v + " ").repeat(40_000) + "\n";
    }

    public static void main(String[] args) throws Exception {
        RemoteStore store = RemoteStore.at(Path.of(args[0]));
        long v = store.top().map(RemoteStore.Stored::version).orElse(0L);
        while (true) {
            v++;
            store.add(new Envelope(v, List.of("crash"), yaml(v).getBytes(StandardCharsets.UTF_8), null, null),
                    RemoteStore.State.TRIAL, "needs a restart");
            store.mark(v, RemoteStore.State.STARTED, "on trial");
            store.mark(v, RemoteStore.State.APPLIED, "passed");
            store.prune();
            // Progress for the test: it kills a process that is writing, not one still starting its JVM.
            System.out.println("applied " + v);
            System.out.flush();
        }
    }
}
