package org.iotgateway.driver.pi4j;

import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import com.pi4j.platform.Platform;
import com.pi4j.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds a provider by id among the pi4j plugins on the classpath (gpiod and linuxfs in the jar),
 * as pi4j's auto-detection does, but hands out only the one asked for: a context holding just that
 * provider, so that rebuilding it never touches the others (pi4j's gpiod output provider, for
 * one, closes the process-wide GPIO chip when it shuts down).
 */
final class PluginScan implements ProviderSource {
    @Override
    public Provider<?, ?, ?> create(String providerId, Context scratch) throws ProviderUnavailable {
        TreeSet<String> seen = new TreeSet<>();
        for (Plugin plugin : ServiceLoader.load(Plugin.class, PluginScan.class.getClassLoader())) {
            Collector found = new Collector(scratch);
            try {
                plugin.initialize(found);
            } catch (Exception e) {
                continue; // a plugin that cannot even list its providers offers none
            }
            for (Provider<?, ?, ?> p : found.providers) {
                if (providerId.equals(p.id())) {
                    return p;
                }
                seen.add(p.id());
            }
        }
        throw new ProviderUnavailable(providerId, "no pi4j provider '" + providerId + "' in this build (there are: "
                + String.join(", ", seen) + ")", null);
    }

    /** What a plugin registers when asked to initialise. */
    private static final class Collector implements PluginService {
        final List<Provider<?, ?, ?>> providers = new ArrayList<>();
        private final Context context;

        Collector(Context context) {
            this.context = context;
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public PluginService register(Provider... provider) {
            for (Provider<?, ?, ?> p : provider) {
                if (p != null) {
                    providers.add(p);
                }
            }
            return this;
        }

        @Override
        public PluginService register(Platform... platform) {
            return this;
        }
    }
}
