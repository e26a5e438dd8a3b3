package org.iotgateway.driver.modbus;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buses in use, by link: the first sensor on a serial port or TCP host creates its bus, the
 * last one to leave stops it. The config loader has made sure that sensors on one link agree on
 * its settings. Called from the gateway's start-up, reload and shutdown thread.
 */
final class Buses {
    private static final Logger LOG = LoggerFactory.getLogger(Buses.class);
    private static final Map<String, Bus> BUSES = new HashMap<>();
    private static final Map<String, Map<String, Object>> SETTINGS = new HashMap<>();

    private Buses() {
    }

    static synchronized Bus attach(Slave s) {
        ModbusParams p = s.params();
        Bus bus = BUSES.get(p.link());
        if (bus == null) {
            bus = new Bus(p.link(), opener(p));
            BUSES.put(p.link(), bus);
            SETTINGS.put(p.link(), p.linkSettings());
            bus.start();
        } else if (!SETTINGS.get(p.link()).equals(p.linkSettings())) {
            LOG.error("sensor {}: {} is open with {}, not {}; using it as it is", s.sensor(), p.link(),
                    SETTINGS.get(p.link()), p.linkSettings());
        }
        bus.add(s);
        return bus;
    }

    static synchronized void detach(Bus bus, Slave s) {
        if (bus.remove(s)) {
            BUSES.remove(bus.name());
            SETTINGS.remove(bus.name());
            bus.stop();
        }
    }

    private static Bus.Opener opener(ModbusParams p) {
        if (p.tcp()) {
            int connectMillis = (int) Math.max(1_000, p.timeout().toMillis());
            return () -> TcpLink.open(p.hostName(), p.tcpPort(), connectMillis);
        }
        return () -> RtuLink.open(p);
    }
}
