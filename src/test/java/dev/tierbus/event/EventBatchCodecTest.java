package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventBatchCodecTest {

  /** A user payload type with its own codec (code 200). */
  record Greeks(double delta, double gamma, String model) implements Payload {}

  /** A payload type nobody registers a codec for. */
  record Unregistered(int x) implements Payload {}

  private static final int GREEKS_CODE = 200;
  private static final long MINUTE = 60_000_000_000L;
  private static final long T0 = 1_700_000_000_000_000_000L;

  private final EventBatchCodec codec = new EventBatchCodec();

  @BeforeAll
  static void registerUserCodec() {
    if (PayloadCodecs.forType(Greeks.class) == null) {
      PayloadCodecs.register(PayloadCodec.of(GREEKS_CODE, Greeks.class, (g, out) -> {
        out.writeDouble(g.delta());
        out.writeDouble(g.gamma());
        out.writeDictionaryString(g.model());
      }, in -> new Greeks(in.readDouble(), in.readDouble(), in.readDictionaryString())));
    }
  }

  @Test
  void namedAsUserCodecAndTransformReturnsTheSameBatch() {
    EventBatch batch = batchOf(Event.of(EventType.TICK, "feed", "X", 1L, new Tick(1, 1)));

    assertThat(codec.name()).isEqualTo("tierbus-batch");
    assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
    assertThat(codec.transform(batch)).isSameAs(batch);
  }

  @Test
  void everyPayloadTypeSurvivesTheWireInOrder() {
    EventBatch batch = batchOf(everyKindOfEvent());

    long before = System.nanoTime();
    EventBatch decoded = roundTrip(batch);
    long after = System.nanoTime();

    assertThat(decoded.source()).isEqualTo(batch.source());
    assertThat(decoded.size()).isEqualTo(batch.size());
    assertThat(decoded.toArray()).containsExactly(batch.toArray());
    for (int i = 0; i < batch.size(); i++) {
      assertThat(decoded.get(i)).as("event %d", i).isEqualTo(batch.get(i)).isNotSameAs(batch.get(i));
    }
    assertThat(decoded.createdNanos()).isBetween(before, after);
  }

  @Test
  void specialDoublesRoundTripBitForBit() {
    Bar bar = new Bar("1min", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        Double.MIN_VALUE);
    EventBatch decoded = roundTrip(batchOf(Event.of(EventType.BAR, "feed", "X", T0, bar)));

    Bar back = decoded.get(0).payloadAs(Bar.class);
    assertThat(back.open()).isNaN();
    assertThat(back.high()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(back.low()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Double.doubleToRawLongBits(back.close())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(back.volume()).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void emptyBatchRoundTrips() {
    EventBatch decoded = roundTrip(new EventBatch("idle-source", new Event[4], 0, 1L));

    assertThat(decoded.source()).isEqualTo("idle-source");
    assertThat(decoded.size()).isZero();
  }

  @Test
  void thousandBarsOverThreeSymbolsTakeUnderFiftyOneBytesEach() {
    String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    Event[] events = new Event[1000];
    for (int i = 0; i < events.length; i++) {
      double p = 100 + i * 0.37;
      events[i] = Event.of(EventType.BAR, "binance-feed", symbols[i % 3], T0 + (i / 3) * MINUTE,
          new Bar("1min", p, p + 1.25, p - 0.75, p + 0.5, 1234.5 + i));
    }
    EventBatch batch = new EventBatch("binance-feed", events, events.length, System.nanoTime());

    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, batch);
    double bytesPerEvent = wire.length() / 1000.0;
    System.out.printf("1000 BARs over 3 symbols: %d bytes, %.2f bytes/event%n", wire.length(), bytesPerEvent);

    // naive: type 1 + id 8 + source 1+12 + symbol 1+7 + time 8 + payload code 1 + timeframe 1+4
    // + 5 doubles 40 + header count 1 = 85 bytes. Ours: type 1, id delta 1, source 1, symbol 1,
    // time delta 8/3 (0 twice, one minute once per three), payload code 1, timeframe 1, doubles
    // 40, header count 1 = 49.7, plus about 0.06 of message header and dictionary.
    int naiveBytesPerEvent = 85;
    assertThat(wire.length()).isLessThan(1000 * naiveBytesPerEvent);
    assertThat(bytesPerEvent).isLessThan(51.0);
    assertThat(roundTrip(batch).toArray()).containsExactly(events);
  }

  @Test
  void truncatedBatchIsRefused() {
    Buffer wire = encode(batchOf(everyKindOfEvent()));

    assertThatThrownBy(() -> codec.decodeFromWire(0, wire.getBuffer(0, wire.length() - 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated tierbus event batch: header declares");
    assertThatThrownBy(() -> codec.decodeFromWire(0, wire.getBuffer(0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the header alone takes 5");
  }

  @Test
  void batchCutInsideAnEventIsRefusedNamingTheEvent() {
    Buffer wire = encode(batchOf(everyKindOfEvent()));
    Buffer cut = wire.getBuffer(0, wire.length() - 10);
    cut.setInt(1, cut.length() - 5);

    assertThatThrownBy(() -> codec.decodeFromWire(0, cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot decode tierbus event batch from 'feed' at event")
        .hasMessageContaining("truncated message: need");
  }

  @Test
  void unknownVersionIsRefused() {
    Buffer wire = encode(batchOf(Event.of(EventType.TICK, "feed", "X", 1L, new Tick(1, 1))));
    wire.setByte(0, (byte) 9);

    assertThatThrownBy(() -> codec.decodeFromWire(0, wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported tierbus event batch wire format version 9; this node reads version 1");
  }

  @Test
  void unknownEventTypeIsRefused() {
    byte[] bar = encode(batchOf(new Event(1, EventType.BAR, "feed", "X", 5L, null, null))).getBytes();
    byte[] tick = encode(batchOf(new Event(1, EventType.TICK, "feed", "X", 5L, null, null))).getBytes();
    bar[EventCodecTest.firstDifference(bar, tick, 0)] = 31;

    assertThatThrownBy(() -> codec.decodeFromWire(0, Buffer.buffer(bar)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at event 0 of 1")
        .hasMessageContaining("unknown event type code 31");
  }

  @Test
  void unknownPayloadCodeIsRefused() {
    byte[] tick = encode(batchOf(new Event(1, EventType.TICK, "feed", "X", 5L, new Tick(0, 0), null))).getBytes();
    byte[] trade = encode(batchOf(new Event(1, EventType.TICK, "feed", "X", 5L, new Trade(0, 0, null), null)))
        .getBytes();
    tick[EventCodecTest.firstDifference(tick, trade, 5)] = 60;

    assertThatThrownBy(() -> codec.decodeFromWire(0, Buffer.buffer(tick)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown payload code 60; register a PayloadCodec");
  }

  @Test
  void trailingGarbageInsideTheMessageIsRefused() {
    Buffer wire = encode(batchOf(Event.of(EventType.TICK, "feed", "X", 1L, new Tick(1, 1))));
    wire.appendByte((byte) 0).appendByte((byte) 0);
    wire.setInt(1, wire.length() - 5);

    assertThatThrownBy(() -> codec.decodeFromWire(0, wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 unread bytes at the end of the message");
  }

  @Test
  void userPayloadCodecRoundTrips() {
    Event event = Event.of(EventType.ANALYSIS_RESULT, "options", "BTC-30JUN-70000-C", T0,
        new Greeks(0.42, Double.NaN, "black-scholes"));

    EventBatch decoded = roundTrip(batchOf(event, event.withSource("mirror")));

    assertThat(decoded.toArray()).containsExactly(event, event.withSource("mirror"));
    assertThat(PayloadCodecs.forCode(GREEKS_CODE).type()).isEqualTo(Greeks.class);
  }

  @Test
  void unregisteredPayloadTypeIsRefusedNamingTheClass() {
    EventBatch batch = batchOf(Event.of(EventType.ANALYSIS_RESULT, "feed", null, 1L, new Unregistered(1)));

    assertThatThrownBy(() -> codec.encodeToWire(Buffer.buffer(), batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Unregistered.class.getName())
        .hasMessageContaining("register a PayloadCodec");
  }

  private static Event[] everyKindOfEvent() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("window", 20L);
    nested.put("missing", null);
    nested.put("tags", Arrays.asList("α", null, true));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("sharpe", 1.87);
    attributes.put("trades", 412L);
    attributes.put("drawdown", Double.NEGATIVE_INFINITY);
    attributes.put("score", Double.NaN);
    attributes.put("name", "Ünïcødé 📈 日本語");
    attributes.put("ok", Boolean.TRUE);
    attributes.put("bad", Boolean.FALSE);
    attributes.put("series", List.of(1L, 2.5, "three", List.of()));
    attributes.put("params", nested);

    List<Event> events = new ArrayList<>();
    events.add(Event.of(EventType.BAR, "feed", "BTCUSDT", T0, new Bar("1min", 1, 2, 0.5, 1.5, 100)));
    events.add(Event.of(EventType.BAR, "feed", "ETHUSDT", T0, new Bar("1min", Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0)));
    events.add(Event.of(EventType.BAR, "feed", "BTCUSDT", T0 + MINUTE, new Bar(null, 1, 1, 1, 1, 1)));
    events.add(Event.of(EventType.TICK, "feed", "BTCUSDT", T0 + 1, new Tick(Double.NaN, Double.MAX_VALUE)));
    events.add(Event.of(EventType.QUOTE, "feed", "ETHUSDT", T0 - 1, new Quote(2999.5, 1, 3000.5, 2)));
    events.add(Event.of(EventType.BOOK_UPDATE, "feed", "ETHUSDT", T0, new BookUpdate(Side.SELL, 3, 3001, 0)));
    events.add(Event.of(EventType.BOOK_UPDATE, "feed", "ETHUSDT", T0, new BookUpdate(null, -1, 1, 1)));
    events.add(Event.of(EventType.TRADE, "feed", "BTCUSDT", T0, new Trade(65000, 0.1, Side.BUY)));
    events.add(Event.of(EventType.TRADE, "feed", "BTCUSDT", T0, new Trade(65000, 0.1, null)));
    events.add(Event.of(EventType.SIGNAL, "sma", "BTCUSDT", T0,
        new Signal(Direction.LONG, 1.0, "SMA(10) crossed above SMA(30) — ↑", "sma-cross")));
    events.add(Event.of(EventType.SIGNAL, "sma", "BTCUSDT", T0, new Signal(Direction.FLAT, 0, null, null)));
    events.add(Event.of(EventType.INDICATOR, "ind", "BTCUSDT", T0, new IndicatorValue("MACD",
        Map.of("fast", 12.0, "slow", 26.0, "signal", 9.0),
        Map.of("macd", 1.5, "signal", Double.NaN, "histogram", Double.NEGATIVE_INFINITY), "1h")));
    events.add(Event.of(EventType.INDICATOR, "ind", "ETHUSDT", T0, new IndicatorValue("RSI", null, null, null)));
    events.add(Event.of(EventType.PORTFOLIO_UPDATE, "pf", null, T0, new PortfolioUpdate(1e6, 1.1e6, -5, 7.5,
        Map.of("BTCUSDT", 0.5, "ETHUSDT", -2.0))));
    events.add(Event.of(EventType.REGIME_CHANGE, "regime", "BTCUSDT", T0, new RegimeChange("bull", null, 0.8)));
    events.add(Event.of(EventType.ANALYSIS_RESULT, "analysis", null, T0, Attributes.of(attributes)));
    events.add(Event.of(EventType.PERFORMANCE_UPDATE, "analysis", null, T0, Attributes.of(Map.of())));
    events.add(Event.of(EventType.ORDER, "exec", "BTCUSDT", T0, new Order("o-1", Side.BUY, 1.5, Double.NaN, "signal")));
    events.add(Event.of(EventType.ORDER, "exec", "BTCUSDT", T0, new Order("o-2", Side.SELL, 0.25, 64000.5, null)));
    events.add(Event.of(EventType.FILL, "exec", "BTCUSDT", T0, new Fill("o-1", Side.BUY, 1.5, 65010, 0.65)));
    events.add(Event.of(EventType.ERROR, "exec", null, T0, new Notice("reject", "insufficient margin ⚠")));
    events.add(Event.of(EventType.SYSTEM, "node-1", null, 0L, null));
    events.add(Event.of(EventType.RISK_ALERT, "risk", "日本株-7203", T0, new Notice("max_position_pct", "")));
    events.add(Event.of(EventType.TICK, "feed", "BTCUSDT", T0, new Tick(1, 1))
        .withHeader("trace-id", "t-1").withHeader("causation", "42"));
    events.add(Event.of(EventType.TICK, "feed", "ETHUSDT", T0, new Tick(2, 2)).withHeader("trace-id", "t-1"));
    events.add(new Event(Long.MIN_VALUE, EventType.TICK, "feed", "BTCUSDT", Long.MAX_VALUE, new Tick(3, 3), null));
    events.add(new Event(Long.MAX_VALUE, EventType.TICK, "feed", "BTCUSDT", Long.MIN_VALUE, new Tick(4, 4), null));
    events.add(Event.of(EventType.ANALYSIS_REPORT, "options", "X", T0, new Greeks(0.5, 0.01, "bs")));
    return events.toArray(new Event[0]);
  }

  private static EventBatch batchOf(Event... events) {
    return new EventBatch("feed", events, events.length, System.nanoTime());
  }

  private Buffer encode(EventBatch batch) {
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, batch);
    return wire;
  }

  private EventBatch roundTrip(EventBatch batch) {
    return codec.decodeFromWire(0, encode(batch));
  }
}
