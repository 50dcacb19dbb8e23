package dev.tierbus.api.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

  private static Event signal(String symbol, String source) {
    return Event.of(EventType.SIGNAL, source, symbol, 1L, new Signal(Direction.LONG, 1, "r", "s"));
  }

  private static Event fill(String symbol) {
    return Event.of(EventType.FILL, "broker", symbol, 1L, new Fill("o", Side.BUY, 1, 10, 0));
  }

  private static StreamFilter filter(Set<EventType> types, Set<String> symbols, Set<String> sources) {
    return new StreamFilter(1, types, symbols, sources, 0);
  }

  @Test
  void givesTheLastMatchingEventsOldestFirstFromARingPerType() {
    EventHistory h = new EventHistory(4);
    List<Event> a = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Event e = signal(i % 2 == 0 ? "A" : "B", "src");
      h.record(e);
      if (i % 2 == 0) {
        a.add(e);
      }
    }
    StreamFilter onlyA = filter(Set.of(EventType.SIGNAL), Set.of("A"), Set.of());
    // the ring held the last 4 signals: A B A B (of i = 6..9)
    assertThat(h.last(onlyA, 10)).containsExactly(a.get(3), a.get(4));
    assertThat(h.last(onlyA, 1)).containsExactly(a.get(4));
    assertThat(h.last(filter(Set.of(EventType.SIGNAL), Set.of(), Set.of("other")), 10)).isEmpty();
  }

  @Test
  void severalTypesComeInTheOrderTheyArrivedAndClearingATypeForgetsIt() {
    EventHistory h = new EventHistory(10);
    List<Event> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Event e = i % 3 == 0 ? fill("A") : signal("A", "src");
      h.record(e);
      all.add(e);
    }
    StreamFilter both = filter(Set.of(EventType.SIGNAL, EventType.FILL), Set.of(), Set.of());
    assertThat(h.last(both, 10)).containsExactlyElementsOf(all);
    assertThat(h.last(both, 3)).containsExactlyElementsOf(all.subList(3, 6));
    h.clear(EventType.FILL);
    assertThat(h.last(both, 10)).containsExactly(all.get(1), all.get(2), all.get(4), all.get(5));
    assertThat(new EventHistory(0).last(both, 10)).isEmpty();
  }
}
