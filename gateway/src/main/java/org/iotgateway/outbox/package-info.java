/**
 * The H2 outbox: every aggregate is committed here before it is published and deleted only after
 * the broker acknowledged it.
 * <p>
 * Threads: the stream consumer calls {@link org.iotgateway.outbox.Outbox#append} (in-memory queue
 * only); one writer thread ({@code outbox-writer}) group-commits inserts and acknowledged deletes
 * (one transaction + CHECKPOINT per batch, at most one commit per 100 ms); the MQTT publisher
 * thread reads committed rows on its own connection; acknowledgements arrive from Paho's callback
 * thread through a lock-free queue. Threads touching H2 are stopped with flags, never interrupted.
 * <p>
 * seq: assigned in {@code append}, persisted in {@code outbox_meta.last_seq} with each batch, so it
 * survives restarts even when every row was deleted. A seq whose row was dropped (queue full) or
 * never committed (crash) is a gap that subscribers can see.
 */
package org.iotgateway.outbox;
