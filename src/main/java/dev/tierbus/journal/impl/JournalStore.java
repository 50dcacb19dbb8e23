package dev.tierbus.journal.impl;

import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;

/**
 * Where the reliable tier's rows live: one row per (event, subscriber).
 *
 * <p>Every method is called from the tier's context and completes on it. A write completes
 * only once it is as durable as the store makes it.
 */
interface JournalStore {

  /**
   * Connects, creates or migrates the schema, registers this node and claims the undelivered
   * rows of this node (and of nodes whose lease ran out).
   *
   * @return the epoch this run's delivery ids are built from
   */
  Future<Long> start();

  /** A fresh epoch, when the ids of the current one run out. */
  Future<Long> nextEpoch();

  /** Pending rows owned by this node with an id above {@code afterId}, in id order. */
  Future<List<JournalRow>> loadPending(long afterId, int limit);

  /** Journals new rows in one transaction. */
  Future<Void> append(AppendBatch batch);

  /**
   * Confirms rows (deleted, or marked delivered when the journal keeps delivered rows) and
   * records failed attempts (and dead letters), in one transaction.
   */
  Future<Void> record(OutcomeBatch outcomes);

  /** Number of dead letters. */
  Future<Long> countDead();

  Future<DeadLetterPage> listDead(DeadLetterQuery query);

  /** Dead rows matching the query's filters (or the one id, when {@code id > 0}) back to pending; the rows. */
  Future<List<JournalRow>> replayDead(DeadLetterQuery query, long id);

  /** Marks one dead row discarded; false when it is not a dead letter. */
  Future<Boolean> discardDead(long id);

  /**
   * Runs {@code effect} in a transaction in which the pending row {@code deliveryId} is marked
   * delivered; completes with false (running nothing) when the row is not pending any more.
   */
  Future<Boolean> inTransaction(long deliveryId, Function<SqlConnection, Future<Void>> effect);

  /** Renews this node's lease. */
  Future<Void> renewLease();

  /** Deletes delivered rows older than the retention, at most {@link #purgeBatch()} of them; how many. */
  Future<Integer> purgeDelivered();

  /** Rows one {@link #purgeDelivered()} deletes at most: fewer means it has caught up. */
  default int purgeBatch() {
    return Integer.MAX_VALUE;
  }

  /** A cheap round trip that says whether the store answers. */
  Future<Void> probe();

  /** Ends this node's lease (so another node may take over at once) and releases connections. */
  Future<Void> close();

  /** Where the store is, without secrets. */
  String describe();

  /** True when effects can join a delivery's transaction ({@link #inTransaction}). */
  boolean supportsInbox();
}
