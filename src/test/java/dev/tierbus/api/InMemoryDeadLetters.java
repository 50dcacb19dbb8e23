package dev.tierbus.api;

import dev.tierbus.journal.DeadLetter;
import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.DeadLetters;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Dead letters kept in a list, for testing the API before the reliable tier's journal exists
 * behind it: listing filters and pages like the interface says, a replayed letter leaves the
 * list and is handed to {@code redeliver} (as the journal would put it back to pending), a
 * discarded one leaves the list and is kept aside, never delivered.
 */
final class InMemoryDeadLetters implements DeadLetters {

  private final List<DeadLetter> dead = new ArrayList<>();
  private final List<DeadLetter> replayed = new ArrayList<>();
  private final List<DeadLetter> discarded = new ArrayList<>();
  private final Consumer<DeadLetter> redeliver;

  InMemoryDeadLetters(Consumer<DeadLetter> redeliver) {
    this.redeliver = redeliver;
  }

  synchronized void add(DeadLetter letter) {
    dead.add(letter);
    dead.sort((a, b) -> Long.compare(a.deliveryId(), b.deliveryId()));
  }

  synchronized List<DeadLetter> dead() {
    return List.copyOf(dead);
  }

  synchronized List<DeadLetter> replayed() {
    return List.copyOf(replayed);
  }

  synchronized List<DeadLetter> discarded() {
    return List.copyOf(discarded);
  }

  private static boolean matches(DeadLetterQuery q, DeadLetter d) {
    return (q.subscriber() == null || q.subscriber().equals(d.subscriber()))
        && (q.type() == null || q.type() == d.event().type())
        && (q.source() == null || q.source().equals(d.event().source()))
        && (q.symbol() == null || q.symbol().equals(d.event().symbol()))
        && (q.deadSince() == null || !d.deadAt().isBefore(q.deadSince()))
        && (q.deadBefore() == null || d.deadAt().isBefore(q.deadBefore()));
  }

  @Override
  public synchronized Future<DeadLetterPage> list(DeadLetterQuery query) {
    List<DeadLetter> matching = dead.stream().filter(d -> matches(query, d)).toList();
    List<DeadLetter> page = matching.stream().filter(d -> d.deliveryId() > query.afterDeliveryId())
        .limit(query.limit()).toList();
    boolean more = matching.stream().filter(d -> d.deliveryId() > query.afterDeliveryId()).count() > page.size();
    return Future.succeededFuture(new DeadLetterPage(page, matching.size(),
        more ? page.get(page.size() - 1).deliveryId() : -1));
  }

  @Override
  public Future<Boolean> replay(long deliveryId) {
    DeadLetter d;
    synchronized (this) {
      d = take(deliveryId);
      if (d != null) {
        replayed.add(d);
      }
    }
    if (d != null) {
      redeliver.accept(d);
    }
    return Future.succeededFuture(d != null);
  }

  @Override
  public Future<Integer> replay(DeadLetterQuery query) {
    List<DeadLetter> taken;
    synchronized (this) {
      taken = dead.stream().filter(d -> matches(query, d)).toList();
      dead.removeAll(taken);
      replayed.addAll(taken);
    }
    taken.forEach(redeliver);
    return Future.succeededFuture(taken.size());
  }

  @Override
  public synchronized Future<Boolean> discard(long deliveryId) {
    DeadLetter d = take(deliveryId);
    if (d != null) {
      discarded.add(d);
    }
    return Future.succeededFuture(d != null);
  }

  private DeadLetter take(long id) {
    for (int i = 0; i < dead.size(); i++) {
      if (dead.get(i).deliveryId() == id) {
        return dead.remove(i);
      }
    }
    return null;
  }
}
