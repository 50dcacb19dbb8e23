package dev.tierbus.trading.data;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic feed's bars as bar times for a gated replay: one {@link RandomWalk} per
 * symbol, one group per round with open times {@code start_time + round × timeframe}, the
 * same bars as {@link SyntheticFeedContainer} for the same parameters. With
 * {@code emit_ticks} each bar carries one tick at its close price, timed at the bar's close.
 * Stops after {@code max_bars} rounds (never when 0).
 */
final class SyntheticGroups implements GroupSource {

  private final SyntheticFeedConfig config;
  private final String[] symbols;
  private final RandomWalk[] walks;
  private final String timeframe;
  private final long step;
  private final long start;
  private long round;

  SyntheticGroups(SyntheticFeedConfig config) {
    this.config = config;
    this.symbols = config.symbols().toArray(new String[0]);
    this.walks = new RandomWalk[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      walks[i] = new RandomWalk(symbols[i], config.seed(), config.startPrice(), config.volatility(), config.drift());
    }
    this.timeframe = config.timeframe().toString();
    this.step = config.timeframe().nanos();
    this.start = Event.nanos(config.startTime());
  }

  @Override
  public List<TimeGroup> next(int max) {
    List<TimeGroup> out = new ArrayList<>(max);
    while (out.size() < max && (config.maxBars() == 0 || round < config.maxBars())) {
      long t = start + round * step;
      List<ReplayBar> bars = new ArrayList<>(symbols.length);
      for (int i = 0; i < symbols.length; i++) {
        Bar bar = walks[i].next(timeframe);
        List<ReplayTick> ticks = config.emitTicks() ? List.of(new ReplayTick(t + step, bar.close(), bar.volume())) : List.of();
        bars.add(new ReplayBar(t, symbols[i], bar, ticks));
      }
      out.add(new TimeGroup(t, List.copyOf(bars)));
      round++;
    }
    return out;
  }

  @Override
  public Timeframe timeframe() {
    return config.timeframe();
  }

  @Override
  public long loops() {
    return 0;
  }

  @Override
  public void close() {}
}
