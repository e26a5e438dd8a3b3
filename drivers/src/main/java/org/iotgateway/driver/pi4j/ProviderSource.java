package org.iotgateway.driver.pi4j;

import com.pi4j.context.Context;
import com.pi4j.provider.Provider;

/**
 * Makes a new, not yet initialised instance of the pi4j provider with a given id. A new instance
 * per attempt, so that a provider that failed to initialise is retried from scratch. Called by
 * {@link Pi4jProviders} under its lock, on a driver thread; must not touch hardware (that is the
 * provider's {@code initialize}).
 */
@FunctionalInterface
public interface ProviderSource {
    /**
     * @param providerId e.g. {@code gpiod-digital-input}
     * @param scratch a context that lives only for this attempt, for plugins that read its properties
     * @throws ProviderUnavailable without a cause when no provider has that id
     */
    Provider<?, ?, ?> create(String providerId, Context scratch) throws ProviderUnavailable;
}
