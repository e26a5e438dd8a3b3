package org.iotgateway.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.RemoteConfigSettings;
import org.iotgateway.remote.KeyFiles;
import org.iotgateway.util.SetupException;

/**
 * Remote configuration, when on: each trusted key is an Ed25519 public key, signatures are required,
 * the state directory can be written ({@code validate} says which config a start would run). Reads files;
 * never the network.
 */
final class RemoteConfigChecks implements CheckSuite {
    @Override
    public void run(ConfigLoader.Loaded config, Consumer<CheckResult> out) {
        RemoteConfigSettings r = config.config().remoteConfig();
        if (!r.enabled()) {
            return;
        }
        for (Path key : r.trustedKeys()) {
            String subject = "remote-config key " + key;
            try {
                out.accept(CheckResult.ok(subject, "Ed25519 public key " + KeyFiles.keyId(KeyFiles.publicKey(key,
                        "remote-config.trusted-keys:"))));
            } catch (SetupException e) {
                out.accept(CheckResult.fail(subject, e.getMessage(), "copy the NAME.pub that iot-gateway config keygen"
                        + " (or openssl pkey -pubout) made, readable by the service user"));
            }
        }
        if (!r.requireSignature()) {
            out.accept(CheckResult.warn("remote-config", "require-signature is false: anyone who may publish to the"
                    + " config topic can reconfigure this gateway", "sign configs (iot-gateway config keygen) and drop"
                    + " require-signature: false"));
        }
        Path dir = r.stateDir().toAbsolutePath();
        String subject = "remote-config state-dir " + r.stateDir();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            out.accept(CheckResult.fail(subject, existing + " is not a directory", "point state-dir at a directory"));
        } else if (!Files.isWritable(existing)) {
            out.accept(CheckResult.warn(subject, (existing.equals(dir) ? "" : "does not exist yet and ") + existing
                    + " is not writable by you", "the service user must be able to write it (the unit's"
                    + " StateDirectory= makes /var/lib/iot-gateway)"));
        } else {
            out.accept(CheckResult.ok(subject, existing.equals(dir) ? "writable" : "created at the first push"));
        }
    }
}
