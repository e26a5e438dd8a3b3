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
 * survives restarts even when every row was deleted. It is never reused: no row is committed above
 * a ceiling kept durable outside the H2 file ({@link org.iotgateway.outbox.SeqReservation}), and a
 * start after a crash or a power cut resumes above it, recording the skipped seqs as a loss. A seq
 * whose row was dropped (queue full) or lost to an unclean stop is a gap the loss ledger explains.
 * <p>
 * Store outage: when a write fails (disk full) H2 closes the database. The writer then holds new
 * rows in memory ({@link org.iotgateway.outbox.UnstoredBuffer}), where the publisher reads them, and
 * reopens the file with a backoff once there is room ({@link org.iotgateway.outbox.StoreOutage},
 * {@link org.iotgateway.outbox.StoreRecovery}); the two connections live in
 * {@link org.iotgateway.outbox.OutboxDatabase}, which can close and reopen them under the publisher.
 */
package org.iotgateway.outbox;
