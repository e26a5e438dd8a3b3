package org.iotgateway.driver.pi4j;

import com.pi4j.context.Context;

/**
 * One sensor's claim on a pi4j provider (see {@link Pi4jProviders}). Closing the last lease of a
 * provider shuts its context down. Thread-safe.
 */
public final class ProviderLease implements AutoCloseable {
    private final Pi4jProviders owner;
    private final String providerId;
    private boolean closed;

    ProviderLease(Pi4jProviders owner, String providerId) {
        this.owner = owner;
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }

    /**
     * The context holding the provider, building it when it is not up: call it on every attempt to
     * open a device, and a provider that failed before is tried again. May block for a few ms.
     *
     * @throws ProviderUnavailable when the provider is not in the build or fails to initialise now
     */
    public Context context() throws ProviderUnavailable {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("lease of " + providerId + " is closed");
            }
        }
        return owner.context(providerId);
    }

    /** Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        owner.release(providerId);
    }
}
