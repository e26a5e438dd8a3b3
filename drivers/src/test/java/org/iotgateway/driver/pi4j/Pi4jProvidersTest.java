package org.iotgateway.driver.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Pi4jProvidersTest {
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> asked = new ArrayList<>();
    private final Pi4jProviders providers = new Pi4jProviders((id, scratch) -> {
        asked.add(id);
        return switch (id) {
            case FlakyInputProvider.ID -> new FlakyInputProvider(() -> failuresLeft.getAndDecrement() > 0
                    ? new IllegalStateException("Couldn't identify gpiochip!") : null);
            case "mock-digital-input" -> MockDigitalInputProvider.newInstance();
            default -> throw new ProviderUnavailable(id, "no " + id, null);
        };
    });

    @Test
    void aProviderThatFailedToInitialiseIsBuiltAnewOnTheNextAskAndAWorkingOneIsNeverRebuilt() throws Exception {
        failuresLeft.set(2);
        ProviderLease working = providers.lease("mock-digital-input");
        ProviderLease flaky = providers.lease(FlakyInputProvider.ID);
        Context up = working.context();

        for (int i = 0; i < 2; i++) {
            ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, flaky::context);
            assertThat(e.getCause()).hasMessage("Couldn't identify gpiochip!");
            assertThat(e.notInBuild()).isFalse();
            assertThat(working.context()).isSameAs(up);
        }
        Context recovered = flaky.context();
        assertThat(recovered.providers().exists(FlakyInputProvider.ID)).isTrue();
        assertThat(flaky.context()).isSameAs(recovered);
        assertThat(working.context()).isSameAs(up);
        assertThat(up.providers().exists("mock-digital-input")).as("never shut down").isTrue();
        assertThat(asked).containsExactly("mock-digital-input", FlakyInputProvider.ID, FlakyInputProvider.ID,
                FlakyInputProvider.ID);
        working.close();
        flaky.close();
    }

    @Test
    void theLastLeaseShutsTheContextDownAndALaterOneBuildsANewOne() throws Exception {
        ProviderLease a = providers.lease("mock-digital-input");
        ProviderLease b = providers.lease("mock-digital-input");
        Context first = a.context();
        assertThat(b.context()).isSameAs(first);
        a.close();
        a.close(); // idempotent: does not take b's claim
        assertThat(providers.isUp("mock-digital-input")).isTrue();
        b.close();
        assertThat(providers.isUp("mock-digital-input")).isFalse();
        assertThatThrownBy(b::context).isInstanceOf(IllegalStateException.class);
        try (ProviderLease c = providers.lease("mock-digital-input")) {
            assertThat(c.context()).isNotSameAs(first);
        }
    }

    @Test
    void thePluginScanFindsAProviderOnTheClasspathAndNamesThemAllWhenOneIsNot() throws Exception {
        Context scratch = Pi4J.newContextBuilder().build();
        try {
            assertThat(new PluginScan().create("mock-digital-input", scratch))
                    .isInstanceOf(MockDigitalInputProviderImpl.class);
            ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class,
                    () -> new PluginScan().create("gpoid-digital-input", scratch));
            assertThat(e.notInBuild()).isTrue();
            assertThat(e).hasMessageStartingWith("no pi4j provider 'gpoid-digital-input' in this build (there are: ")
                    .hasMessageContaining("gpiod-digital-input").hasMessageContaining("linuxfs-i2c");
        } finally {
            scratch.shutdown();
        }
    }

    @Test
    void failedAttemptsLeaveNoThreadsBehind() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        ProviderLease flaky = providers.lease(FlakyInputProvider.ID);
        catchThrowableOfType(ProviderUnavailable.class, flaky::context); // class loading, pi4j's first context
        int before = Thread.activeCount();
        for (int i = 0; i < 200; i++) {
            catchThrowableOfType(ProviderUnavailable.class, flaky::context);
        }
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 2);
        flaky.close();
    }
}
