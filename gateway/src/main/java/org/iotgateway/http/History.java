package org.iotgateway.http;

import org.iotgateway.stream.Aggregate;

/**
 * Every channel's {@link ChannelHistory}, fed from the aggregate path. {@link #record} runs on the
 * stream consumer thread and takes one uncontended lock; the rest on the HTTP threads.
 */
public final class History {
    private final ChannelHistory[] channels;

    public History(int channels) {
        this.channels = new ChannelHistory[channels];
        for (int i = 0; i < channels; i++) {
            this.channels[i] = new ChannelHistory();
        }
    }

    /** Stream consumer thread, once per aggregate. */
    public void record(Aggregate a) {
        channels[a.channel().id()].record(a.end(), a.mean(), a.last());
    }

    /**
     * A reload: channel {@code newIdOf[i]} (when not -1) keeps the hour of {@code from}'s channel
     * {@code i}. Reload thread, before this history is recorded into or served.
     */
    public void adopt(History from, int[] newIdOf) {
        for (int old = 0; old < newIdOf.length; old++) {
            if (newIdOf[old] >= 0) {
                channels[newIdOf[old]] = from.channels[old];
            }
        }
    }

    ChannelHistory channel(int id) {
        return channels[id];
    }
}
