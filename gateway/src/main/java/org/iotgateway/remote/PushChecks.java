package org.iotgateway.remote;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;
import org.iotgateway.config.RemoteConfigSettings;

/**
 * The checks of a pushed config that come after its signature and target, each refusing with its
 * reason: the version, the config itself (the same validation as a reload), and what only applying
 * it would show (the state directory moving, trusted keys that cannot be read). Reads files; the
 * config thread.
 */
final class PushChecks {
    private PushChecks() {
    }

    /** The version must be above every version kept: the floor survives restarts and rollbacks. */
    static void version(RemoteStore store, Envelope e) throws Refused {
        RemoteStore.Stored top = store.top().orElse(null);
        if (top != null && e.version() <= top.version()) {
            throw new Refused(RefusalReason.OLD_VERSION, "version " + e.version() + " is not above " + top.version()
                    + ", the highest this gateway has taken" + (top.state().rolledBack() ? " (and rolled back)" : "")
                    + "; push a higher version");
        }
    }

    /** Validated as a reload validates, positions named {@code remote:vN:LINE:COL}. */
    static ConfigLoader.Loaded config(ConfigLoader loader, Envelope e) throws Refused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(e.yaml())).toString();
        } catch (CharacterCodingException x) {
            throw new Refused(RefusalReason.INVALID_CONFIG, "the config is not UTF-8 text");
        }
        try {
            return loader.parseLoaded("remote:v" + e.version(), text);
        } catch (ConfigException x) {
            List<String> problems = x.problems().stream().map(Problem::toString).toList();
            throw new Refused(RefusalReason.INVALID_CONFIG, problems.size() + " problem(s) in the config", problems);
        }
    }

    /**
     * What only applying it would show: its state directory must be the one the local file names (a
     * start looks there), and its trusted keys must be readable. Returns its keys (null: remote-config off).
     */
    static TrustedKeys applicable(RemoteConfigSettings now, ConfigLoader.Loaded next, Path localFile) throws Refused {
        RemoteConfigSettings then = next.config().remoteConfig();
        if (!then.stateDir().equals(now.stateDir())) {
            throw new Refused(RefusalReason.NOT_APPLICABLE, "remote-config.state-dir must stay " + now.stateDir()
                    + " (as " + localFile + " sets it: a start looks there)");
        }
        try {
            return then.enabled() ? TrustedKeys.load(then.trustedKeys(), then.requireSignature()) : null;
        } catch (RuntimeException x) {
            throw new Refused(RefusalReason.NOT_APPLICABLE, x.getMessage());
        }
    }
}
