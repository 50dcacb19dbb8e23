package dev.tierbus.event;

/** Direction of a trading signal. {@link #code()} is stable on wire and disk. */
public enum Direction {
  LONG(1),
  SHORT(2),
  FLAT(3);

  private final int code;

  Direction(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Direction fromCode(int code) {
    return switch (code) {
      case 1 -> LONG;
      case 2 -> SHORT;
      case 3 -> FLAT;
      default -> throw new IllegalArgumentException("unknown direction code " + code);
    };
  }
}
