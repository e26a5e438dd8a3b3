package org.iotgateway.app;

/** A reload that was not applied: the gateway runs on with its previous config. The message says why. */
public final class ReloadRefused extends Exception {
    public ReloadRefused(String message) {
        super(message);
    }
}
