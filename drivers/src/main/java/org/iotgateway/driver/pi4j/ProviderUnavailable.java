package org.iotgateway.driver.pi4j;

/**
 * A pi4j provider could not be made ready: it is not in this build, or its {@code initialize()}
 * failed (no GPIO chip, permission denied, a native library that does not load). The cause is
 * what the provider threw, kept so that the driver can say what is actually wrong; pi4j itself
 * would log it and register the context without the provider.
 */
public final class ProviderUnavailable extends Exception {
    private final String providerId;

    public ProviderUnavailable(String providerId, String message, Throwable cause) {
        super(message, cause);
        this.providerId = providerId;
    }

    /** The pi4j provider id, e.g. {@code gpiod-digital-input}. */
    public String providerId() {
        return providerId;
    }

    /** Whether the provider is simply not in this build (a typo in {@code provider:}); retrying cannot help. */
    public boolean notInBuild() {
        return getCause() == null;
    }
}
