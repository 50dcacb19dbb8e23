package dev.tierbus.event.impl;

import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Attributes;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.BookUpdate;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Fill;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Notice;
import dev.tierbus.event.Order;
import dev.tierbus.event.PayloadCodec;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Quote;
import dev.tierbus.event.RegimeChange;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import dev.tierbus.event.Tick;
import dev.tierbus.event.Trade;
import dev.tierbus.event.WireReader;
import dev.tierbus.event.WireWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codecs of the payload records of {@code dev.tierbus.event}, with their wire codes.
 *
 * <p>Codes follow the {@code EventType} codes where a payload belongs to one type (Bar 1 ...
 * Trade 5, BarOpen 6, Signal 10 ..., Order 20, Fill 21, RiskAlert 24) and never change; AnalysisReport
 * took the next free code after them (25). Repeating strings (timeframes, names, strategies, map keys)
 * go through the message dictionary; ids and free text inline. Enums are written by their
 * {@code code()}, 0 for null.
 *
 * <p>Order: the side byte also carries flags ({@value #ORDER_NOTIONAL} a notional follows the
 * reason, {@value #ORDER_WHOLE_UNITS} whole units), so an order by quantity is written exactly as
 * before the notional existed and older messages still read; a node without the flags refuses a
 * notional order as an unknown side instead of misreading it.
 */
public final class BuiltInPayloadCodecs {

  public static final int BAR = 1;
  public static final int TICK = 2;
  public static final int QUOTE = 3;
  public static final int BOOK_UPDATE = 4;
  public static final int TRADE = 5;
  public static final int BAR_OPEN = 6;
  public static final int SIGNAL = 10;
  public static final int INDICATOR_VALUE = 11;
  public static final int PORTFOLIO_UPDATE = 12;
  public static final int REGIME_CHANGE = 13;
  public static final int ATTRIBUTES = 14;
  public static final int ORDER = 20;
  public static final int FILL = 21;
  public static final int NOTICE = 22;
  public static final int RISK_ALERT = 24;
  public static final int ANALYSIS_REPORT = 25;

  /** Flag in an Order's side byte: a notional (double) follows the reason. */
  public static final int ORDER_NOTIONAL = 0x40;
  /** Flag in an Order's side byte: the notional resolves to whole units. */
  public static final int ORDER_WHOLE_UNITS = 0x20;
  private static final int ORDER_SIDE_MASK = 0x0F;

  private static final List<PayloadCodec<?>> ALL = List.of(
      PayloadCodec.of(BAR, Bar.class, (p, out) -> {
        out.writeDictionaryString(p.timeframe());
        out.writeDouble(p.open());
        out.writeDouble(p.high());
        out.writeDouble(p.low());
        out.writeDouble(p.close());
        out.writeDouble(p.volume());
      }, in -> new Bar(in.readDictionaryString(), in.readDouble(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readDouble())),
      PayloadCodec.of(TICK, Tick.class, (p, out) -> {
        out.writeDouble(p.price());
        out.writeDouble(p.size());
      }, in -> new Tick(in.readDouble(), in.readDouble())),
      PayloadCodec.of(QUOTE, Quote.class, (p, out) -> {
        out.writeDouble(p.bidPrice());
        out.writeDouble(p.bidSize());
        out.writeDouble(p.askPrice());
        out.writeDouble(p.askSize());
      }, in -> new Quote(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble())),
      PayloadCodec.of(BOOK_UPDATE, BookUpdate.class, (p, out) -> {
        writeSide(p.side(), out);
        out.writeVarInt(p.level());
        out.writeDouble(p.price());
        out.writeDouble(p.size());
      }, in -> new BookUpdate(readSide(in), in.readVarInt(), in.readDouble(), in.readDouble())),
      PayloadCodec.of(TRADE, Trade.class, (p, out) -> {
        out.writeDouble(p.price());
        out.writeDouble(p.size());
        writeSide(p.aggressor(), out);
      }, in -> new Trade(in.readDouble(), in.readDouble(), readSide(in))),
      PayloadCodec.of(BAR_OPEN, BarOpen.class, (p, out) -> {
        out.writeDictionaryString(p.timeframe());
        out.writeDouble(p.open());
      }, in -> new BarOpen(in.readDictionaryString(), in.readDouble())),
      PayloadCodec.of(SIGNAL, Signal.class, (p, out) -> {
        out.writeByte(p.direction().code());
        out.writeDouble(p.strength());
        out.writeString(p.reason());
        out.writeDictionaryString(p.strategy());
      }, in -> new Signal(Direction.fromCode(in.readByte()), in.readDouble(), in.readString(),
          in.readDictionaryString())),
      PayloadCodec.of(INDICATOR_VALUE, IndicatorValue.class, (p, out) -> {
        out.writeDictionaryString(p.name());
        writeDoubles(p.params(), out);
        writeDoubles(p.values(), out);
        out.writeDictionaryString(p.timeframe());
      }, in -> new IndicatorValue(in.readDictionaryString(), readDoubles(in), readDoubles(in),
          in.readDictionaryString())),
      PayloadCodec.of(PORTFOLIO_UPDATE, PortfolioUpdate.class, (p, out) -> {
        out.writeDouble(p.cash());
        out.writeDouble(p.equity());
        out.writeDouble(p.realizedPnl());
        out.writeDouble(p.unrealizedPnl());
        writeDoubles(p.positions(), out);
      }, in -> new PortfolioUpdate(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
          readDoubles(in))),
      PayloadCodec.of(REGIME_CHANGE, RegimeChange.class, (p, out) -> {
        out.writeDictionaryString(p.regime());
        out.writeDictionaryString(p.previousRegime());
        out.writeDouble(p.confidence());
      }, in -> new RegimeChange(in.readDictionaryString(), in.readDictionaryString(), in.readDouble())),
      PayloadCodec.of(ATTRIBUTES, Attributes.class, AttributesCodec::write, AttributesCodec::read),
      PayloadCodec.of(ORDER, Order.class, BuiltInPayloadCodecs::writeOrder, BuiltInPayloadCodecs::readOrder),
      PayloadCodec.of(FILL, Fill.class, (p, out) -> {
        out.writeString(p.orderId());
        out.writeByte(p.side().code());
        out.writeDouble(p.quantity());
        out.writeDouble(p.price());
        out.writeDouble(p.commission());
      }, in -> new Fill(in.readString(), Side.fromCode(in.readByte()), in.readDouble(), in.readDouble(),
          in.readDouble())),
      PayloadCodec.of(NOTICE, Notice.class, (p, out) -> {
        out.writeDictionaryString(p.code());
        out.writeString(p.message());
      }, in -> new Notice(in.readDictionaryString(), in.readString())),
      PayloadCodec.of(RISK_ALERT, RiskAlert.class, (p, out) -> {
        out.writeDictionaryString(p.code());
        out.writeString(p.message());
        out.writeCount(p.details().size());
        for (Map.Entry<String, String> detail : p.details().entrySet()) {
          out.writeDictionaryString(detail.getKey());
          out.writeString(detail.getValue());
        }
      }, in -> new RiskAlert(in.readDictionaryString(), in.readString(), readStrings(in))),
      PayloadCodec.of(ANALYSIS_REPORT, AnalysisReport.class, (p, out) -> {
        out.writeBoolean(p.finalReport());
        out.writeSignedVarLong(p.equityPoints());
        out.writeDouble(p.startEquity());
        out.writeDouble(p.endEquity());
        out.writeDouble(p.totalReturn());
        out.writeDouble(p.cagr());
        out.writeDouble(p.sharpe());
        out.writeDouble(p.sortino());
        out.writeDouble(p.maxDrawdown());
        out.writeSignedVarLong(p.tradeCount());
        out.writeSignedVarLong(p.openTrades());
        out.writeDouble(p.winRate());
        out.writeDouble(p.exposure());
      }, in -> new AnalysisReport(in.readBoolean(), in.readSignedVarLong(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
          in.readSignedVarLong(), in.readSignedVarLong(), in.readDouble(), in.readDouble())));

  private BuiltInPayloadCodecs() {}

  /** Every built-in codec. */
  public static List<PayloadCodec<?>> all() {
    return ALL;
  }

  private static void writeOrder(Order p, WireWriter out) {
    int flags = (p.isNotional() ? ORDER_NOTIONAL : 0) | (p.wholeUnits() ? ORDER_WHOLE_UNITS : 0);
    out.writeString(p.orderId());
    out.writeByte(p.side().code() | flags);
    out.writeDouble(p.quantity());
    out.writeDouble(p.limitPrice());
    out.writeString(p.reason());
    if (p.isNotional()) {
      out.writeDouble(p.notional());
    }
  }

  private static Order readOrder(WireReader in) {
    String orderId = in.readString();
    int sideAndFlags = in.readByte() & 0xFF;
    Side side = Side.fromCode(sideAndFlags & ORDER_SIDE_MASK);
    if ((sideAndFlags & ~(ORDER_SIDE_MASK | ORDER_NOTIONAL | ORDER_WHOLE_UNITS)) != 0) {
      throw new IllegalArgumentException("corrupt order: unknown flags in side byte " + sideAndFlags);
    }
    double quantity = in.readDouble();
    double limitPrice = in.readDouble();
    String reason = in.readString();
    double notional = (sideAndFlags & ORDER_NOTIONAL) != 0 ? in.readDouble() : Double.NaN;
    return new Order(orderId, side, quantity, limitPrice, reason, notional, (sideAndFlags & ORDER_WHOLE_UNITS) != 0);
  }

  private static void writeSide(Side side, WireWriter out) {
    out.writeByte(side == null ? 0 : side.code());
  }

  private static Side readSide(WireReader in) {
    byte code = in.readByte();
    return code == 0 ? null : Side.fromCode(code);
  }

  /** A map of names to non-null doubles (maps of the payload records reject null). */
  private static void writeDoubles(Map<String, Double> map, WireWriter out) {
    out.writeCount(map.size());
    for (Map.Entry<String, Double> entry : map.entrySet()) {
      out.writeDictionaryString(entry.getKey());
      out.writeDouble(entry.getValue());
    }
  }

  /** A map of names to strings, in the order written. */
  private static Map<String, String> readStrings(WireReader in) {
    int count = in.readCount();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String key = in.readDictionaryString();
      String value = in.readString();
      if (key == null || value == null) {
        throw new IllegalArgumentException("corrupt message: null detail key or value");
      }
      map.put(key, value);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> readDoubles(WireReader in) {
    int count = in.readCount();
    if (count == 0) {
      return Map.of();
    }
    Map.Entry<String, Double>[] entries = (Map.Entry<String, Double>[]) new Map.Entry<?, ?>[count];
    for (int i = 0; i < count; i++) {
      String key = in.readDictionaryString();
      if (key == null) {
        throw new IllegalArgumentException("corrupt message: null map key");
      }
      entries[i] = Map.entry(key, in.readDouble());
    }
    return Map.ofEntries(entries);
  }
}
