package dev.tierbus.event;

import java.util.Locale;

/**
 * A delivery tier of the {@code TieredEventRouter}: each tier is built for one kind of traffic.
 *
 * <ul>
 *   <li>{@link #FAST}: batched, event-loop delivery, best effort; in-JVM the batch object is
 *       passed by reference, across nodes one binary batch per message.</li>
 *   <li>{@link #STANDARD}: handlers on a worker pool, bounded queue per subscription,
 *       back-pressure (a failed publish Future) when a queue is full.</li>
 *   <li>{@link #RELIABLE}: journalled before delivery, confirmed, retried, dead-lettered.</li>
 * </ul>
 *
 * <p>{@link #code()} is stable on disk and wire; never rely on {@code ordinal()}.
 */
public enum Tier {
  FAST("fast", 1),
  STANDARD("standard", 2),
  RELIABLE("reliable", 3);

  private static final Tier[] BY_CODE = new Tier[4];

  static {
    for (Tier t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final String configName;
  private final int code;

  Tier(String configName, int code) {
    this.configName = configName;
    this.code = code;
  }

  /** The name used in the topology file ({@code fast}, {@code standard}, {@code reliable}). */
  public String configName() {
    return configName;
  }

  /** Stable numeric code for wire and disk formats. */
  public int code() {
    return code;
  }

  public static Tier fromCode(int code) {
    if (code <= 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException("unknown tier code " + code);
    }
    return BY_CODE[code];
  }

  /**
   * Parses a tier name as written in the topology file, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Tier fromName(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (Tier t : values()) {
        if (t.configName.equals(n)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown tier '" + name + "', expected one of fast, standard, reliable");
  }
}
