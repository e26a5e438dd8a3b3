package org.iotgateway.driver;

/**
 * A driver that produces readings on its own schedule: GPIO edge listeners, serial reader threads,
 * a simulated source at a high rate. It calls the sink from its own threads.
 */
public non-sealed interface PushDriver extends Driver {

    /**
     * Starts producing into {@code sink}. Called once, from the gateway's start-up or reload thread; must return
     * promptly (start threads or register listeners, don't read here). A device that is absent is
     * not an error here: report it through the sink's reject and keep retrying.
     */
    void start(ReadingSink sink);
}
