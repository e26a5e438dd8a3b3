package org.iotgateway.remote;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trust anchor: the Ed25519 public keys a pushed config must be signed with, by key id.
 * Immutable; {@link #verify} on any thread.
 */
public final class TrustedKeys {
    private final Map<String, PublicKey> byId;
    private final boolean required;

    private TrustedKeys(Map<String, PublicKey> byId, boolean required) {
        this.byId = Map.copyOf(byId);
        this.required = required;
    }

    /**
     * Reads the key files (start-up or the config thread).
     *
     * @param required refuse unsigned envelopes
     * @throws org.iotgateway.util.SetupException if a file is not a readable Ed25519 public key
     */
    public static TrustedKeys load(List<Path> files, boolean required) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (Path f : files) {
            PublicKey k = KeyFiles.publicKey(f, "remote-config.trusted-keys:");
            byId.put(KeyFiles.keyId(k), k);
        }
        return new TrustedKeys(byId, required);
    }

    /** The ids of the keys, in the config's order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Passes a signed envelope whose signature verifies with the trusted key it names, or an unsigned one when allowed. */
    void verify(Envelope e) throws Refused {
        if (!e.signed()) {
            if (required) {
                throw new Refused(RefusalReason.UNSIGNED, "unsigned, and remote-config.require-signature is true");
            }
            return;
        }
        PublicKey key = byId.get(e.keyId());
        if (key == null) {
            throw new Refused(RefusalReason.UNKNOWN_KEY, "signed with key " + e.keyId()
                    + ", which is not among remote-config.trusted-keys " + byId.keySet());
        }
        if (!verifies(key, e.signedBytes(), e.signature())) {
            throw new Refused(RefusalReason.BAD_SIGNATURE, "the signature does not verify with key " + e.keyId()
                    + ": the envelope was altered, or signed over other bytes");
        }
    }

    static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length, say: it does not verify.
            return false;
        }
    }
}
