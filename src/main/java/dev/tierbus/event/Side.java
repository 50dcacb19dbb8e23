package dev.tierbus.event;

/** Side of an order, fill or aggressor trade. {@link #code()} is stable on wire and disk. */
public enum Side {
  BUY(1),
  SELL(2);

  private final int code;

  Side(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Side fromCode(int code) {
    return switch (code) {
      case 1 -> BUY;
      case 2 -> SELL;
      default -> throw new IllegalArgumentException("unknown side code " + code);
    };
  }
}
