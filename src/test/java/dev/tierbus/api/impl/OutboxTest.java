package dev.tierbus.api.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private static List<Outbox.Taken<String>> drain(Outbox<String> o) {
    List<Outbox.Taken<String>> out = new ArrayList<>();
    for (Outbox.Taken<String> t = o.poll(); t != null; t = o.poll()) {
      out.add(t);
    }
    return out;
  }

  @Test
  void keepsEverythingInOrderBelowCapacityAndAsksForOneFlush() {
    Outbox<String> o = new Outbox<>(4);
    assertThat(o.offer(EventType.SIGNAL, "A", "1")).isTrue();
    assertThat(o.offer(EventType.SIGNAL, "A", "2")).isFalse();
    assertThat(o.offer(EventType.SIGNAL, "B", "3")).isFalse();
    assertThat(drain(o)).extracting(Outbox.Taken::body).containsExactly("1", "2", "3");
    assertThat(o.offer(EventType.SIGNAL, "A", "4")).as("a new flush after the last one emptied it").isTrue();
  }

  @Test
  void beyondCapacityKeepsTheLatestPerTypeAndSymbolAndCountsWhatItDropped() {
    Outbox<String> o = new Outbox<>(3);
    for (int i = 1; i <= 11; i++) {
      o.offer(EventType.SIGNAL, i % 2 == 0 ? "A" : "B", "s" + i);
    }
    o.offer(EventType.FILL, "A", "f1");
    List<Outbox.Taken<String>> got = drain(o);
    assertThat(got).extracting(Outbox.Taken::body).containsExactly("s1", "s2", "s3", "s10", "s11", "f1");
    // s4..s11 went to the conflated set: A (first seen with s4) kept s10, B kept s11; s4..s9 were dropped
    assertThat(got.get(0).dropped()).isEqualTo(6);
    assertThat(got.stream().mapToLong(Outbox.Taken::dropped).sum()).isEqualTo(6);
    assertThat(o.droppedTotal()).isEqualTo(6);
  }

  @Test
  void theConflatedSetIsBoundedTooEvictingTheOldest() {
    Outbox<String> o = new Outbox<>(1);
    o.offer(EventType.SIGNAL, "X", "x");
    o.offer(EventType.SIGNAL, "A", "a");
    o.offer(EventType.SIGNAL, "B", "b");
    assertThat(o.size()).isEqualTo(2);
    assertThat(drain(o)).extracting(Outbox.Taken::body).containsExactly("x", "b");
    assertThat(o.droppedTotal()).isEqualTo(1);
  }

  @Test
  void aBatchIsKeptWholeInOrderAndTakesNoRoomFromSingleOffers() {
    Outbox<String> o = new Outbox<>(2);
    assertThat(o.offerBatch(List.of("h1", "h2", "h3", "h4", "h5"))).isTrue();
    assertThat(o.offer(EventType.SIGNAL, "A", "1")).isFalse();
    o.offer(EventType.SIGNAL, "A", "2");
    // the third single is over the capacity of 2: it waits among the latest (nothing replaced yet)
    o.offer(EventType.SIGNAL, "A", "3");
    assertThat(drain(o)).extracting(Outbox.Taken::body).containsExactly("h1", "h2", "h3", "h4", "h5", "1", "2", "3");
    assertThat(o.droppedTotal()).isZero();
    assertThat(o.offerBatch(List.of())).as("an empty batch asks for nothing").isFalse();
    o.offer(EventType.SIGNAL, "A", "4");
    o.offer(EventType.SIGNAL, "A", "5");
    o.offer(EventType.SIGNAL, "A", "6");
    assertThat(drain(o)).extracting(Outbox.Taken::body).containsExactly("4", "5", "6");
  }
}
