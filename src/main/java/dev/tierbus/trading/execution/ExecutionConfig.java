package dev.tierbus.trading.execution;

import dev.tierbus.config.ParamReader;

/**
 * Parameters of an {@code execution} container (the paper broker).
 *
 * <pre>
 *   fill_at               next_open | close   next_open   when market orders fill (see {@link FillTiming})
 *   commission_pct        number >= 0         0           percent of the traded value (0.1 = 0.1 %)
 *   commission_per_share  number >= 0         0           per unit traded
 *   commission_min        number >= 0         0           smallest commission of a fill
 *   slippage_bps          number >= 0         0           basis points against the trader
 *   max_working_orders    integer >= 1        10000       orders waiting for a price; more are rejected
 * </pre>
 */
public record ExecutionConfig(FillTiming fillAt, CostModel costs, int maxWorkingOrders) {

  public static final FillTiming DEFAULT_FILL_AT = FillTiming.NEXT_OPEN;
  public static final int DEFAULT_MAX_WORKING_ORDERS = 10_000;

  public ExecutionConfig {
    if (fillAt == null) {
      throw new IllegalArgumentException("fillAt must not be null");
    }
    if (costs == null) {
      throw new IllegalArgumentException("costs must not be null");
    }
    if (maxWorkingOrders < 1) {
      throw new IllegalArgumentException("max_working_orders must be >= 1, was " + maxWorkingOrders);
    }
  }

  /** Fills at the next open, free of costs. */
  public static ExecutionConfig defaults() {
    return new ExecutionConfig(DEFAULT_FILL_AT, CostModel.FREE, DEFAULT_MAX_WORKING_ORDERS);
  }

  /** Reads the parameters, recording every problem on {@code r}. */
  public static ExecutionConfig read(ParamReader r) {
    FillTiming fillAt = DEFAULT_FILL_AT;
    String name = r.string("fill_at", null);
    if (name != null) {
      try {
        fillAt = FillTiming.fromName(name);
      } catch (IllegalArgumentException e) {
        r.problem("fill_at", "'" + name + "' is unknown, expected next_open or close");
      }
    }
    CostModel costs = new CostModel(
        r.number("commission_pct", 0.0, 0.0),
        r.number("commission_per_share", 0.0, 0.0),
        r.number("commission_min", 0.0, 0.0),
        r.number("slippage_bps", 0.0, 0.0));
    int maxWorking = r.intValue("max_working_orders", DEFAULT_MAX_WORKING_ORDERS, 1);
    return new ExecutionConfig(fillAt, costs, maxWorking);
  }
}
