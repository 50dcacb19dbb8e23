package dev.tierbus.router;

import dev.tierbus.testing.Conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.RegimeChange;
import dev.tierbus.event.Tick;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FilterTest {

  private static Event indicator(String source, String symbol, String type, String timeframe) {
    return Event.of(EventType.INDICATOR, source, symbol, 1,
        new IndicatorValue(type, Map.of("period", 14.0), Map.of("value", 50.0), timeframe));
  }

  private static Event bar(String source, String symbol, String timeframe) {
    return Event.of(EventType.BAR, source, symbol, 1, new Bar(timeframe, 1, 1, 1, 1, 1));
  }

  @Test
  void emptyFilterAcceptsEverything() {
    assertThat(Filter.NONE.matches(bar("d", "AAPL", "1min"))).isTrue();
    assertThat(Filter.NONE.matches(Event.of(EventType.SYSTEM, "d", null, 1, null))).isTrue();
  }

  @Test
  void symbolFilterNeedsTheSymbol() {
    Filter f = Filter.symbols("AAPL", "MSFT");
    assertThat(f.matches(bar("d", "AAPL", "1min"))).isTrue();
    assertThat(f.matches(bar("d", "MSFT", "1min"))).isTrue();
    assertThat(f.matches(bar("d", "GOOGL", "1min"))).isFalse();
    assertThat(f.matches(Event.of(EventType.BAR, "d", null, 1, null))).isFalse();
  }

  @Test
  void attributeFiltersDoNotMatchEventsWithoutTheAttribute() {
    Filter f = Filter.NONE.withTimeframes("1min");
    assertThat(f.matches(bar("d", "AAPL", "1min"))).isTrue();
    assertThat(f.matches(bar("d", "AAPL", "5min"))).isFalse();
    assertThat(f.matches(Event.of(EventType.TICK, "d", "AAPL", 1, new Tick(1, 1)))).isFalse();
    Filter regime = Filter.NONE.withRegimes("bull");
    assertThat(regime.matches(Event.of(EventType.REGIME_CHANGE, "r", null, 1, new RegimeChange("bull", "bear", 0.9)))).isTrue();
    assertThat(regime.matches(Event.of(EventType.REGIME_CHANGE, "r", null, 1, new RegimeChange("bear", "bull", 0.9)))).isFalse();
  }

  @Test
  void routerDeliversExactlyWhatTheCompiledFilterAccepts(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> rsiAapl = new CopyOnWriteArrayList<>();
    List<Event> anyFromInd = new CopyOnWriteArrayList<>();
    List<Event> fromOther = new CopyOnWriteArrayList<>();
    Filter f = new Filter(Set.of("AAPL", "MSFT"), Set.of("RSI", "MACD"), Set.of("1min"), null);
    List<Event> published = List.of(
        indicator("ind", "AAPL", "RSI", "1min"),     // match
        indicator("ind", "AAPL", "RSI", "5min"),     // wrong timeframe
        indicator("ind", "MSFT", "MACD", "1min"),    // match
        indicator("ind", "GOOGL", "RSI", "1min"),    // wrong symbol
        indicator("ind", "AAPL", "ATR", "1min"),     // wrong type
        indicator("other", "AAPL", "RSI", "1min"));  // wrong source
    Future.all(
            router.subscribe(new Subscription("strat", "ind", Set.of(EventType.INDICATOR), f, null), rsiAapl::add),
            router.subscribe(Subscription.of("analysis", "ind", EventType.INDICATOR), anyFromInd::add),
            router.subscribe(Subscription.of("watcher", "other", EventType.INDICATOR), fromOther::add))
        .onComplete(ctx.succeeding(v -> {
          published.forEach(router::publish);
          Conditions.eventually(vertx, () -> rsiAapl.size() >= 2 && anyFromInd.size() >= 5 && fromOther.size() >= 1).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertThat(rsiAapl).containsExactly(published.get(0), published.get(2));
            assertThat(anyFromInd).containsExactlyElementsOf(published.subList(0, 5));
            assertThat(fromOther).containsExactly(published.get(5));
            ctx.completeNow();
          })));
        }));
  }

  @Test
  void aSubscriberNeverGetsItsOwnEvents(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> got = new CopyOnWriteArrayList<>();
    router.subscribe(Subscription.of("ind", null, EventType.INDICATOR), got::add)
        .onComplete(ctx.succeeding(h -> {
          router.publish(indicator("ind", "AAPL", "RSI", "1min"));
          router.publish(indicator("x", "AAPL", "RSI", "1min"));
          Conditions.eventually(vertx, () -> got.size() >= 1).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertThat(got).extracting(Event::source).containsExactly("x");
            ctx.completeNow();
          })));
        }));
  }
}
