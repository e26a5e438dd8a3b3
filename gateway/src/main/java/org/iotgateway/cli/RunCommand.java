package org.iotgateway.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import org.iotgateway.app.Gateway;
import org.iotgateway.app.Reloader;
import java.io.IOException;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.lint.ConfigLint;
import org.iotgateway.outbox.OutboxException;
import org.iotgateway.remote.InForce;
import org.iotgateway.remote.RemoteConfigAgent;
import org.iotgateway.util.SetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the gateway until stopped (SIGTERM or Ctrl-C close open windows and flush the outbox); "
                + "SIGHUP reloads the config file.")
final class RunCommand implements Callable<Integer> {
    /**
     * A holder, not a field: picocli instantiates every subcommand to build its model, so a field
     * here started logback (its XML config, some 500 classes, ~0.1 s) in replay, validate and
     * version too, which never log.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--print", description = "print each aggregate as a JSON line on stdout (also gateway.print in the config)")
    boolean print;

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader loader = new ConfigLoader();
        InForce inForce;
        RemoteConfigAgent agent;
        try {
            inForce = InForce.atStart(config.file, loader);
            agent = RemoteConfigAgent.create(config.file, loader, inForce);
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return Main.EXIT_CONFIG;
        } catch (IOException | SetupException e) {
            System.err.println(config.file + ": " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        ConfigLoader.Loaded loaded = inForce.loaded();
        if (inForce.store() != null) {
            Log.LOG.info("config in force: {} ({})", inForce.file(), inForce.why());
        }
        GatewayConfig cfg = loaded.config();
        // The same warnings validate prints; they do not stop the gateway.
        ConfigLint.warnings(loaded).forEach(w -> Log.LOG.warn("{}", w));
        // The hook goes in before start-up, which takes seconds on a Pi: a SIGTERM meanwhile waits for
        // start to finish and then closes properly, instead of killing a half-started gateway.
        AtomicReference<Gateway> running = new AtomicReference<>();
        // SIGHUP's handler goes in early too: the JVM's default for SIGHUP is to stop.
        Reloader reloader = Reloader.onSighup(agent::next);
        // A pushed config that needs a restart ends the process with this status; the unit starts it again.
        agent.start(reloader::execute, () -> System.exit(RemoteConfigAgent.EXIT_RESTART));
        CountDownLatch startDone = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                startDone.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            agent.stopping();
            Gateway g = running.get();
            if (g != null) {
                g.close();
            }
            stopped.countDown();
        }, "shutdown"));
        try {
            running.set(Gateway.start(cfg, loaded.sha256(), print || cfg.gateway().print(), System.out, agent));
        } catch (SetupException e) {
            System.err.println(inForce.file() + ": " + e.getMessage());
            return Main.EXIT_CONFIG;
        } catch (OutboxException e) {
            // e.g. another gateway holds the file: one clear line, not H2's stack traces
            System.err.println("iot-gateway: " + e.getMessage());
            return 1;
        } finally {
            startDone.countDown();
            agent.attach(running.get());
            reloader.attach(running.get());
        }
        stopped.await();
        return 0;
    }
}
