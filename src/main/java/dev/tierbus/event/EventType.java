package dev.tierbus.event;

import java.util.Locale;

/**
 * The kinds of event that travel between containers, each with its default {@link Tier}.
 *
 * <p>The tier can be overridden per publication in the topology file and per node in
 * {@code event_router.tiers.<tier>.events}. {@link #code()} is stable on wire and disk.
 */
public enum EventType {
  // market data: fast tier
  BAR(1, Tier.FAST),
  TICK(2, Tier.FAST),
  QUOTE(3, Tier.FAST),
  BOOK_UPDATE(4, Tier.FAST),
  TRADE(5, Tier.FAST),
  /** A bar's period started: its open price ({@link BarOpen}); published before the {@link Bar}. */
  BAR_OPEN(6, Tier.FAST),
  // business logic: standard tier
  SIGNAL(10, Tier.STANDARD),
  INDICATOR(11, Tier.STANDARD),
  PORTFOLIO_UPDATE(12, Tier.STANDARD),
  REGIME_CHANGE(13, Tier.STANDARD),
  ANALYSIS_RESULT(14, Tier.STANDARD),
  PERFORMANCE_UPDATE(15, Tier.STANDARD),
  OPTIMIZATION_RESULT(16, Tier.STANDARD),
  ANALYSIS_REPORT(17, Tier.STANDARD),
  // critical: reliable tier
  ORDER(20, Tier.RELIABLE),
  FILL(21, Tier.RELIABLE),
  SYSTEM(22, Tier.RELIABLE),
  ERROR(23, Tier.RELIABLE),
  RISK_ALERT(24, Tier.RELIABLE);

  private static final EventType[] BY_CODE = new EventType[32];

  static {
    for (EventType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final Tier defaultTier;

  EventType(int code, Tier defaultTier) {
    this.code = code;
    this.defaultTier = defaultTier;
  }

  /** Stable numeric code for wire and disk formats. */
  public int code() {
    return code;
  }

  /** The tier this type travels on unless a publication or the node's settings say otherwise. */
  public Tier defaultTier() {
    return defaultTier;
  }

  public static EventType fromCode(int code) {
    EventType t = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (t == null) {
      throw new IllegalArgumentException("unknown event type code " + code);
    }
    return t;
  }

  /**
   * Parses an event type name as written in the topology file, case-insensitively.
   * {@code REGIME} is accepted as an alias of {@link #REGIME_CHANGE} (the design document's
   * router configuration uses it).
   *
   * @throws IllegalArgumentException naming the value
   */
  public static EventType fromName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("event type must not be null");
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    if (n.equals("REGIME")) {
      return REGIME_CHANGE;
    }
    try {
      return valueOf(n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown event type '" + name + "'");
    }
  }

  /** True when {@link #fromName(String)} accepts the name. */
  public static boolean isKnown(String name) {
    try {
      fromName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
