package dev.tierbus.journal.impl;

import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalUnavailableException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * Dead letters of one tier: each operation is one journal statement run on the tier's
 * context; replayed rows are queued for delivery again (flagged redelivered, attempts reset)
 * behind what their lane already holds.
 */
final class DeadLettersImpl implements DeadLetters {

  private final ReliableTierImpl tier;

  DeadLettersImpl(ReliableTierImpl tier) {
    this.tier = tier;
  }

  private <T> Future<T> whenUsable(java.util.function.Supplier<Future<T>> action) {
    return tier.onTier(() -> {
      if (!tier.journalUsable()) {
        return Future.failedFuture(new JournalUnavailableException(
            "reliable tier: journal " + tier.store().describe() + " unreachable (" + tier.status().lastError()
                + "); dead letters cannot be read or changed now", null));
      }
      return action.get();
    });
  }

  @Override
  public Future<DeadLetterPage> list(DeadLetterQuery query) {
    Objects.requireNonNull(query, "query");
    return whenUsable(() -> tier.store().listDead(query));
  }

  @Override
  public Future<Boolean> replay(long deliveryId) {
    return whenUsable(() -> tier.store().replayDead(null, deliveryId).map(rows -> requeue(rows) > 0));
  }

  @Override
  public Future<Integer> replay(DeadLetterQuery query) {
    Objects.requireNonNull(query, "query");
    return whenUsable(() -> tier.store().replayDead(query, 0).map(this::requeue));
  }

  @Override
  public Future<Boolean> discard(long deliveryId) {
    return whenUsable(() -> tier.store().discardDead(deliveryId).map(done -> {
      if (done) {
        tier.counters().deadLetters.decrementAndGet();
      }
      return done;
    }));
  }

  private int requeue(List<JournalRow> rows) {
    for (JournalRow row : rows) {
      tier.counters().deadLetters.decrementAndGet();
      tier.counters().pending.incrementAndGet();
      tier.inFlight().begin(1);
      tier.dispatcher().enqueue(new Delivery(row.deliveryId(), row.subscriber(), row.event(), 0, 0, true));
    }
    return rows.size();
  }
}
