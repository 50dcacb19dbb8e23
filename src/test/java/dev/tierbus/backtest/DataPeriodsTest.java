package dev.tierbus.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.trading.data.FileSpan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPeriodsTest {

  private static FileSpan span(String symbol, String first, String last) {
    return new FileSpan(symbol, symbol.toLowerCase() + ".csv", nanos(first), nanos(last));
  }

  private static long nanos(String iso) {
    Instant t = Instant.parse(iso.length() == 10 ? iso + "T00:00:00Z" : iso);
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Test
  void overlappingFilesMakeOnePeriodEvenWhenOnlyChained() {
    assertThat(DataPeriods.apartWarning(List.of(
        span("A", "2004-01-02", "2006-12-29"),
        span("B", "2006-06-01", "2010-12-31"),
        span("C", "2009-01-02", "2012-12-31")))).isEmpty();
    assertThat(DataPeriods.apartWarning(List.of(span("A", "2004-01-02", "2006-12-29")))).isEmpty();
    assertThat(DataPeriods.apartWarning(List.of())).isEmpty();
  }

  @Test
  void filesApartAreNamedPeriodByPeriodInTimeOrder() {
    assertThat(DataPeriods.apartWarning(List.of(
        span("AAPL", "2013-01-02", "2013-12-31"),
        span("GOOG", "2004-08-19", "2008-10-14"),
        span("MSFT", "2000-09-27", "2001-09-27"),
        span("SPY", "2007-01-03", "2008-12-31"))))
        .contains("the files do not overlap in time: they make 3 periods, replayed one after the other (MSFT 2000-09-27"
            + " to 2001-09-27; GOOG, SPY 2004-08-19 to 2008-12-31; AAPL 2013-01-02 to 2013-12-31), so the equity curve"
            + " and the metrics (CAGR, Sharpe, exposure) run across the gaps between them; backtest one period at a"
            + " time");
  }

  @Test
  void filesThatOnlyTouchDoNotOverlapAndIntradayTimesShowTheirTime() {
    assertThat(DataPeriods.apartWarning(List.of(
        span("ES", "2024-01-02T14:30:00Z", "2024-01-02T20:59:00Z"),
        span("NQ", "2024-01-02T21:00:00Z", "2024-01-02T22:00:00Z"))).orElseThrow())
        .contains("(ES 2024-01-02T14:30:00Z to 2024-01-02T20:59:00Z; NQ 2024-01-02T21:00:00Z to 2024-01-02T22:00:00Z)");
  }
}
