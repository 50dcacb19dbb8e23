package dev.tierbus.journal;

import dev.tierbus.event.Event;
import dev.tierbus.router.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * A reliable-tier handler whose effect is in PostgreSQL: exactly-once effects, also across
 * crashes.
 *
 * <p>The tier opens a transaction on the journal's database, marks the delivery done in it,
 * and hands it to {@link #handleInTransaction}; when the returned Future succeeds the
 * transaction commits (effect and confirmation together), when it fails the transaction rolls
 * back and the delivery is retried. A delivery already marked done is never handed over again,
 * so the effect happens once whatever crashes or redeliveries occur. The handler must use only
 * {@code transaction} for its effect, must not commit or close it, and must not block: it runs
 * on an event loop and returns a Future.
 *
 * <p>Only the reliable tier with the {@code postgresql} store can call it; an inbox handler
 * subscribed to events that travel on another tier fails each of them.
 */
@FunctionalInterface
public interface InboxHandler extends EventHandler {

  /**
   * Applies the effect of {@code event} using {@code transaction}. The event's headers carry
   * the delivery ({@link ReliableDelivery#of}).
   */
  Future<Void> handleInTransaction(Event event, SqlConnection transaction);

  /** Always fails: an inbox handler runs only inside the reliable tier's transaction. */
  @Override
  default void handle(Event event) {
    throw new UnsupportedOperationException("an inbox handler takes reliable-tier events only (with the postgresql"
        + " journal); " + event.type() + " from " + event.source() + " did not travel on the reliable tier");
  }
}
