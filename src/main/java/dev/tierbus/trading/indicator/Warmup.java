package dev.tierbus.trading.indicator;

/** The one check every indicator makes before reporting a value. */
final class Warmup {

  private Warmup() {}

  static void check(Indicator indicator) {
    if (!indicator.isReady()) {
      throw new IllegalStateException(indicator + " has no value before " + indicator.warmUpBars() + " bars");
    }
  }
}
