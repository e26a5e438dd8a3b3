package org.iotgateway.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a worker thread sleeps until there is work instead of polling for it: the worker
 * {@link #await}s with a condition and a timeout, whoever hands it work {@link #ring}s after
 * handing it over. The worker announces itself and then tests the condition; a ringer makes its
 * work visible and then looks for a sleeper. With a full fence on both sides at least one of the
 * two sees the other, so work never waits for the timeout. Ringing an awake worker costs one
 * volatile read (a plain load on x86 and arm64); only one of several ringers of a sleeping worker
 * makes the unpark system call.
 *
 * <p>One worker thread awaits; any thread rings, never blocking.
 */
public final class Doorbell {
    private static final VarHandle SLEEPER;

    static {
        try {
            SLEEPER = MethodHandles.lookup().findVarHandle(Doorbell.class, "sleeper", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The worker while it sleeps in {@link #await}, else null. */
    private volatile Thread sleeper;

    /**
     * Any thread, after making its work visible to the worker's condition: wakes the worker if it
     * sleeps. Never blocks.
     */
    public void ring() {
        Thread t = sleeper;
        if (t != null && SLEEPER.compareAndSet(this, t, null)) {
            LockSupport.unpark(t);
        }
    }

    /**
     * The worker thread: sleeps until rung, {@code nanos} pass, or the thread is unparked otherwise,
     * unless {@code work} is already true. It may also return early for no reason (as a park may):
     * callers look at their work again either way.
     */
    public void await(long nanos, BooleanSupplier work) {
        if (nanos <= 0) {
            return;
        }
        sleeper = Thread.currentThread();
        VarHandle.fullFence();
        if (!work.getAsBoolean()) {
            LockSupport.parkNanos(this, nanos);
        }
        sleeper = null;
    }
}
