package org.iotgateway.driver.modbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link (an RS-485 bus on a serial port, or a TCP host) and the slaves on it. One thread sends
 * their requests one at a time, each slave's when its poll is due, earliest first; a slave that
 * does not answer holds the others up by at most its timeout. A lost link makes every slave on it
 * disconnected; it is opened again after the smallest {@code retry-min} of its slaves, doubling up to
 * their smallest {@code retry-max}.
 *
 * <p>{@link #add} and {@link #remove} are called from the gateway's start-up or reload thread;
 * {@code remove} waits for the slave's poll under way, so its sink is never called afterwards.
 */
final class Bus implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);
    private static final long IDLE_NANOS = 1_000_000_000L;

    /** Opens the link; runs on the bus thread and may block up to a connect timeout. */
    interface Opener {
        Link open() throws LinkDown;
    }

    private final String name;
    private final Opener opener;
    private Backoff reopen; // guarded by this
    private final List<Slave> slaves = new ArrayList<>(); // guarded by this
    private final Thread thread;
    private volatile boolean running = true;
    private Link link;
    private Slave last;
    private String downWhy;

    Bus(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
        this.thread = new Thread(this, "driver-modbus-" + name.substring(name.lastIndexOf(' ') + 1));
        this.thread.setDaemon(true);
    }

    String name() {
        return name;
    }

    void start() {
        thread.start();
    }

    void add(Slave s) {
        synchronized (this) {
            slaves.add(s);
            reopen = null;
        }
        LockSupport.unpark(thread);
    }

    /** Removes {@code s} once its poll under way is done; returns whether the bus has no slave left. */
    synchronized boolean remove(Slave s) {
        slaves.remove(s);
        reopen = null;
        if (last == s) {
            last = null;
        }
        return slaves.isEmpty();
    }

    /** Reopening backs off from the smallest retry-min of the slaves on the bus to their smallest retry-max. */
    private synchronized long reopenDelay() {
        if (reopen == null) {
            Duration min = slaves.stream().map(s -> s.params().retryMin()).min(Duration::compareTo).orElse(Duration.ofMillis(500));
            Duration max = slaves.stream().map(s -> s.params().retryMax()).min(Duration::compareTo).orElse(Duration.ofSeconds(5));
            reopen = Backoff.exact(min, max.compareTo(min) < 0 ? min : max);
        }
        return reopen.nextNanos();
    }

    /** Ends the thread (after a poll under way) and closes the link. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        while (running) {
            if (link == null && !open()) {
                continue;
            }
            long now = System.nanoTime();
            Slave next = earliest();
            long wait = next == null ? IDLE_NANOS : next.dueNanos() - now;
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            String lost = pollLocked(next, now);
            if (lost != null) {
                lose(lost);
            }
        }
        if (link != null) {
            link.close();
        }
    }

    private synchronized Slave earliest() {
        Slave first = null;
        for (Slave s : slaves) {
            if (first == null || s.dueNanos() - first.dueNanos() < 0) {
                first = s;
            }
        }
        return first;
    }

    /** Polls {@code s} unless it was removed meanwhile; returns why the link was lost, or null. */
    private synchronized String pollLocked(Slave s, long now) {
        if (!running || !slaves.contains(s)) {
            return null;
        }
        try {
            int stray = link.discardInput();
            if (stray > 0) {
                (last != null ? last : s).stray(stray);
            }
            last = s;
            s.poll(link, now);
            return link.usable() ? null : "";
        } catch (LinkDown e) {
            return e.getMessage();
        }
    }

    private boolean open() {
        try {
            link = opener.open();
        } catch (LinkDown e) {
            if (!e.getMessage().equals(downWhy)) {
                LOG.warn("{}: {}; retrying", name, e.getMessage());
            }
            downWhy = e.getMessage();
            allDown(downWhy);
            pause(reopenDelay());
            return false;
        }
        if (downWhy != null) {
            LOG.info("{} is back", name);
        }
        downWhy = null;
        reopened();
        return true;
    }

    /**
     * Polls that fell due while there was no link were not held up by a busy bus: they start now,
     * not counted as skipped (opening a port the first time loads jssc's native library, which can
     * take seconds on a loaded machine).
     */
    private synchronized void reopened() {
        if (reopen != null) {
            reopen.reset();
        }
        long now = System.nanoTime();
        for (Slave s : slaves) {
            s.linkUp(now);
        }
    }

    /** Closes the link; {@code why} empty: it is only out of step, so it is opened again at once. */
    private void lose(String why) {
        link.close();
        link = null;
        if (why.isEmpty()) {
            LOG.info("{}: connection out of step; opening it again", name);
            return;
        }
        LOG.warn("{} lost ({}); retrying", name, why);
        downWhy = why;
        allDown(name + " lost: " + why);
        pause(reopenDelay());
    }

    private synchronized void allDown(String why) {
        for (Slave s : slaves) {
            s.linkDown(why);
        }
    }

    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left; running && (left = until - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(this, left);
        }
    }
}
