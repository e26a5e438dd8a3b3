package org.iotgateway.replay;

/** Where parsed readings go, in input order; called by the parsing thread only. */
interface ReadingTarget {
    void reading(int channel, long ts, double value);
}
