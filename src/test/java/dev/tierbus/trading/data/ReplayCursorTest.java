package dev.tierbus.trading.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Bar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the shipped files and crafted ones through the replay's merge cursor. */
class ReplayCursorTest {

  static final String GOOG = "classpath:market-data/goog_daily_2004-08-19_2008-10-14.csv";
  static final String AAPL = "classpath:market-data/aapl_daily_2013.csv";
  static final String MSFT = "classpath:market-data/msft_daily_2000-09-27_2001-09-27_semicolon.csv";
  static final String BTC = "classpath:market-data/btcusd_bitstamp_trades_2013-11-25_2013-12-01.csv";

  @TempDir
  Path dir;

  /** Every group of a replay of {@code files} (no loop). */
  static List<TimeGroup> readAll(BadRowPolicy policy, Timeframe timeframe, DataFileConfig... files) throws IOException {
    List<TimeGroup> all = new ArrayList<>();
    try (ReplayCursor c = new ReplayCursor(List.of(files), timeframe, new BadRows(policy, "test"), false).open()) {
      List<TimeGroup> chunk;
      while (!(chunk = c.next(100)).isEmpty()) {
        all.addAll(chunk);
      }
    }
    return all;
  }

  static List<ReplayBar> bars(List<TimeGroup> groups) {
    return groups.stream().flatMap(g -> g.bars().stream()).toList();
  }

  static long nanos(String iso) {
    Instant i = Instant.parse(iso);
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private Path file(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  @Test
  void googDailyIsReadWholeWithItsSymbolFromTheFileName() throws IOException {
    List<ReplayBar> bars = bars(readAll(BadRowPolicy.FAIL, null, DataFileConfig.of(GOOG)));
    assertThat(bars).hasSize(1047);
    ReplayBar first = bars.get(0);
    assertThat(first.symbol()).isEqualTo("GOOG");
    assertThat(first.timeNanos()).isEqualTo(nanos("2004-08-19T00:00:00Z"));
    assertThat(first.bar()).isEqualTo(new Bar("1D", 100.0, 104.06, 95.96, 100.34, 22351900));
    ReplayBar last = bars.get(1046);
    assertThat(last.timeNanos()).isEqualTo(nanos("2008-10-14T00:00:00Z"));
    assertThat(last.bar()).isEqualTo(new Bar("1D", 393.53, 394.5, 357.0, 362.71, 7784800));
  }

  @Test
  void aaplDaily2013Has252Bars() throws IOException {
    List<ReplayBar> bars = bars(readAll(BadRowPolicy.FAIL, null, DataFileConfig.of(AAPL)));
    assertThat(bars).hasSize(252);
    assertThat(bars.get(0).symbol()).isEqualTo("AAPL");
    assertThat(bars.get(0).bar()).isEqualTo(new Bar("1D", 553.82, 555.00, 541.63, 549.03, 20018500));
    assertThat(bars.get(251).timeNanos()).isEqualTo(nanos("2013-12-31T00:00:00Z"));
  }

  @Test
  void msftSemicolonFileWithAQuotedDatePatternHeader() throws IOException {
    List<ReplayBar> bars = bars(readAll(BadRowPolicy.FAIL, null, DataFileConfig.of(MSFT)));
    assertThat(bars).hasSize(249);
    assertThat(bars.get(0).symbol()).isEqualTo("MSFT");
    assertThat(bars.get(0).timeNanos()).isEqualTo(nanos("2000-09-27T00:00:00Z"));
    assertThat(bars.get(0).bar()).isEqualTo(new Bar("1D", 63.4375, 63.5625, 59.8125, 60.625, 53077800));
    assertThat(bars.get(2).bar()).isEqualTo(new Bar("1D", 61, 61.3125, 58.625, 60.3125, 37026800));
    // the last line has no line break
    assertThat(bars.get(248).timeNanos()).isEqualTo(nanos("2001-09-27T00:00:00Z"));
    assertThat(bars.get(248).bar()).isEqualTo(new Bar("1D", 50.1, 50.68, 48, 49.96, 40595600));
  }

  /**
   * Expected values computed independently from the raw file with awk:
   * {@code awk -F, 'NR>1{b=int($1/3600)*3600; ...first/max/min/last price, sum of amounts per b}'}.
   */
  @Test
  void btcTradesAggregateIntoHourlyBars() throws IOException {
    DataFileConfig btc = DataFileConfig.of(BTC).withTimeframe(Timeframe.parse("1h"));
    List<ReplayBar> bars = bars(readAll(BadRowPolicy.FAIL, null, btc));
    assertThat(bars).hasSize(161);
    assertThat(bars.get(0).symbol()).isEqualTo("BTCUSD");
    assertBar(bars.get(0), 1385337600, 800.01, 808.0, 799.75, 805.99, 316.922652309999);
    assertBar(bars.get(1), 1385341200, 808.0, 809.9, 800.0, 803.5, 265.25018153);
    assertBar(bars.get(2), 1385344800, 803.5, 819.9, 803.0, 816.0, 434.65381904);
    assertBar(bars.get(160), 1385913600, 990.12, 999.0, 985.4, 999.0, 166.67833438);
    assertThat(bars).allSatisfy(b -> assertThat(b.ticks()).isEmpty());
  }

  @Test
  void btcTradesAggregateIntoDailyBarsWithTheirTicks() throws IOException {
    DataFileConfig btc = DataFileConfig.of(BTC).withTimeframe(Timeframe.parse("1D")).withPublishTicks(true);
    List<ReplayBar> bars = bars(readAll(BadRowPolicy.FAIL, null, btc));
    assertThat(bars).hasSize(7);
    assertBar(bars.get(0), 1385337600, 800.01, 838.2, 770.1, 817.88, 23042.0523252701);
    assertBar(bars.get(3), 1385596800, 963.98, 1050.18, 931.0, 1012.98, 36898.5936455199);
    assertBar(bars.get(6), 1385856000, 1119.52, 1123.11, 955.23, 999.0, 20938.5811156401);
    assertThat(bars.stream().mapToInt(b -> b.ticks().size()).toArray())
        .containsExactly(13595, 14142, 17445, 16771, 14386, 11483, 12178);
    assertThat(bars.stream().mapToInt(b -> b.ticks().size()).sum()).isEqualTo(100_000);
    ReplayTick firstTick = bars.get(0).ticks().get(0);
    assertThat(firstTick.timeNanos()).isEqualTo(1385337600L * 1_000_000_000L);
    assertThat(firstTick.price()).isEqualTo(800.01);
    assertThat(firstTick.size()).isEqualTo(0.1);
  }

  private static void assertBar(ReplayBar b, long epochSecond, double o, double h, double l, double c, double v) {
    assertThat(b.timeNanos()).isEqualTo(epochSecond * 1_000_000_000L);
    assertThat(b.bar().open()).isEqualTo(o);
    assertThat(b.bar().high()).isEqualTo(h);
    assertThat(b.bar().low()).isEqualTo(l);
    assertThat(b.bar().close()).isEqualTo(c);
    assertThat(b.bar().volume()).isCloseTo(v, within(1e-9));
  }

  @Test
  void filesAreMergedInTimeOrderWithEqualTimesInOneGroupInFileOrder() throws IOException {
    Path a = file("a.csv", "date,open,high,low,close,volume",
        "2024-01-02,1,1,1,1,10", "2024-01-03,2,2,2,2,10", "2024-01-05,3,3,3,3,10");
    Path b = file("b.csv", "Volume;Close;Low;High;Open;Date",
        "5;20;20;20;20;2024-01-01", "5;21;21;21;21;2024-01-03", "5;22;22;22;22;2024-01-04");
    List<TimeGroup> groups = readAll(BadRowPolicy.FAIL, null,
        DataFileConfig.of(b.toString()).withSymbol("BBB"), DataFileConfig.of(a.toString()).withSymbol("AAA"));
    assertThat(groups).extracting(g -> Instant.ofEpochSecond(0, g.timeNanos()).toString().substring(0, 10))
        .containsExactly("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05");
    assertThat(groups.get(2).bars()).extracting(ReplayBar::symbol).containsExactly("BBB", "AAA");
    assertThat(groups.get(2).bars()).extracting(r -> r.bar().close()).containsExactly(21.0, 2.0);
    assertThat(groups).extracting(g -> g.bars().size()).containsExactly(1, 1, 2, 1, 1);
  }

  @Test
  void isoDateTimesEpochMillisAndDatePlusTimeColumnsAreRead() throws IOException {
    Path iso = file("iso.csv", "timestamp,open,high,low,close,volume",
        "2024-01-02T14:30:00Z,1,2,0.5,1.5,7", "2024-01-02 09:31:00-05:00,1,2,0.5,1.5,7");
    Path millis = file("ms.csv", "time,price,amount", "1704205800000,10,1", "1704205830500,12,2", "1704205860000,11,1");
    Path split = file("split.csv", "\"Date\",\"Time\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"",
        "\"2024-01-02\",\"09:30\",1,1,1,1,1");
    List<ReplayBar> isoBars = bars(readAll(BadRowPolicy.FAIL, Timeframe.parse("1min"), DataFileConfig.of(iso.toString())));
    assertThat(isoBars).extracting(ReplayBar::timeNanos)
        .containsExactly(nanos("2024-01-02T14:30:00Z"), nanos("2024-01-02T14:31:00Z"));
    List<ReplayBar> msBars = bars(readAll(BadRowPolicy.FAIL, Timeframe.parse("1min"), DataFileConfig.of(millis.toString())));
    assertThat(msBars).hasSize(2);
    assertThat(msBars.get(0).bar()).isEqualTo(new Bar("1min", 10, 12, 10, 12, 3));
    assertThat(msBars.get(1).timeNanos()).isEqualTo(nanos("2024-01-02T14:31:00Z"));
    DataFileConfig ny = new DataFileConfig(split.toString(), "X", null, Timeframe.parse("1min"),
        java.time.ZoneId.of("America/New_York"), false);
    assertThat(bars(readAll(BadRowPolicy.FAIL, null, ny)).get(0).timeNanos()).isEqualTo(nanos("2024-01-02T14:30:00Z"));
  }

  @Test
  void loopShiftsEveryPassByWholeWeeksForDailyBars() throws IOException {
    Path p = file("d.csv", "date,open,high,low,close,volume",
        "2024-01-02,1,1,1,1,1", "2024-01-03,2,2,2,2,1", "2024-01-04,3,3,3,3,1");
    try (ReplayCursor c = new ReplayCursor(List.of(DataFileConfig.of(p.toString())), null,
        new BadRows(BadRowPolicy.FAIL, "test"), true).open()) {
      List<TimeGroup> groups = c.next(8);
      assertThat(groups).extracting(g -> Instant.ofEpochSecond(0, g.timeNanos()).toString().substring(0, 10))
          .containsExactly("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-09", "2024-01-10", "2024-01-11",
              "2024-01-16", "2024-01-17");
      assertThat(groups.get(3).bars().get(0).bar().close()).isEqualTo(1.0);
      assertThat(c.loops()).isEqualTo(2);
    }
  }

  @Test
  void eachFilesSpanIsItsFirstAndLastBarTimeOfTheFirstPass() throws IOException {
    Path a = file("aaa.csv", "date,open,high,low,close,volume", "2024-01-02,1,1,1,1,1", "2024-01-04,3,3,3,3,1");
    Path b = file("bbb.csv", "date,open,high,low,close,volume", "2024-01-03,1,1,1,1,1", "2024-01-05,2,2,2,2,1");
    Path empty = file("ccc.csv", "date,open,high,low,close,volume");
    try (ReplayCursor c = new ReplayCursor(List.of(DataFileConfig.of(a.toString()), DataFileConfig.of(b.toString()),
        DataFileConfig.of(empty.toString())), null, new BadRows(BadRowPolicy.FAIL, "test"), true).open()) {
      assertThat(c.next(3)).hasSize(3);
      assertThat(c.firstPassRead()).isFalse();
      assertThat(c.next(4)).hasSize(4);
      assertThat(c.firstPassRead()).isTrue();
      assertThat(c.spans()).containsExactly(
          new FileSpan("AAA", a.toString(), nanos("2024-01-02T00:00:00Z"), nanos("2024-01-04T00:00:00Z")),
          new FileSpan("BBB", b.toString(), nanos("2024-01-03T00:00:00Z"), nanos("2024-01-05T00:00:00Z")));
    }
  }

  @Test
  void loopShiftsIntradayBarsBySpanPlusOnePeriod() throws IOException {
    Path p = file("m.csv", "timestamp,price,amount", "2024-01-02T10:00:10Z,1,1", "2024-01-02T10:01:10Z,2,1",
        "2024-01-02T10:01:50Z,3,1", "2024-01-02T10:03:00Z,4,1");
    try (ReplayCursor c = new ReplayCursor(List.of(DataFileConfig.of(p.toString())), Timeframe.parse("1min"),
        new BadRows(BadRowPolicy.FAIL, "test"), true).open()) {
      List<TimeGroup> groups = c.next(6);
      // span = 10:03 − 10:00 + 1min = 4min
      assertThat(groups).extracting(g -> Instant.ofEpochSecond(0, g.timeNanos()).toString())
          .containsExactly("2024-01-02T10:00:00Z", "2024-01-02T10:01:00Z", "2024-01-02T10:03:00Z",
              "2024-01-02T10:04:00Z", "2024-01-02T10:05:00Z", "2024-01-02T10:07:00Z");
      assertThat(groups.get(1).bars().get(0).bar()).isEqualTo(new Bar("1min", 2, 3, 2, 3, 2));
    }
  }

  @Test
  void aBadRowIsRefusedWithFileLineAndReason() throws IOException {
    String[][] cases = {
        {"2024-01-03,10,9,11,10,5", "high 9.0 is below low 11.0"},
        {"2024-01-03,10,12,9,abc,5", "close 'abc' is not a number"},
        {"2024-01-03,10,12,9,10", "has 5 fields, expected at least 6"},
        {"2024-01-03,13,12,9,10,5", "open 13.0 is outside [low 9.0, high 12.0]"},
        {"2024-01-03,10,12,9,10,-5", "volume -5.0 is negative"},
        {"2024-01-01,10,12,9,10,5", "is not after the previous row's 2024-01-02T00:00:00Z (line 2)"},
        {"2024-01-02,10,12,9,10,5", "is not after the previous row's"},
        {"03/01/2024,10,12,9,10,5", "time '03/01/2024' is not ISO date (yyyy-MM-dd) like the file's first row"},
        {"2024-01-03,10,12,9,NaN,5", "close 'NaN' is not a number"},
    };
    for (String[] c : cases) {
      Path p = file("bad.csv", "date,open,high,low,close,volume", "2024-01-02,10,12,9,10,5", "", c[0],
          "2024-01-05,10,12,9,10,5");
      assertThatThrownBy(() -> readAll(BadRowPolicy.FAIL, null, DataFileConfig.of(p.toString())))
          .as(c[0]).isInstanceOf(BadRowException.class)
          .hasMessageStartingWith(p + ":4: ").hasMessageContaining(c[1]);
    }
  }

  @Test
  void skippedBadRowsAreCountedAndTheRestIsReplayed() throws IOException {
    Path p = file("bad.csv", "date,open,high,low,close,volume", "2024-01-02,10,12,9,10,5",
        "2024-01-03,10,9,11,10,5", "2024-01-04,10,12,9,x,5", "2024-01-05,10,12,9,11,5");
    BadRows badRows = new BadRows(BadRowPolicy.SKIP, "test");
    List<TimeGroup> groups = new ArrayList<>();
    try (ReplayCursor c = new ReplayCursor(List.of(DataFileConfig.of(p.toString())), null, badRows, false).open()) {
      groups.addAll(c.next(10));
    }
    assertThat(bars(groups)).extracting(b -> b.bar().close()).containsExactly(10.0, 11.0);
    assertThat(badRows.skipped()).isEqualTo(2);
  }

  @Test
  void tradesGoingBackwardsAndBadPricesAreBadRows() throws IOException {
    Path back = file("t.csv", "timestamp,price,amount", "1704205800,10,1", "1704205800,11,1", "1704205799,12,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.FAIL, Timeframe.parse("1min"), DataFileConfig.of(back.toString())))
        .hasMessageStartingWith(back + ":4: ").hasMessageContaining("is before the previous trade's")
        .hasMessageContaining("(line 3)");
    Path zero = file("z.csv", "timestamp,price,amount", "1704205800,0,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.FAIL, Timeframe.parse("1min"), DataFileConfig.of(zero.toString())))
        .hasMessage(zero + ":2: price 0.0 is not positive");
  }

  @Test
  void badFilesAreRefusedEvenWhenRowsAreSkipped() throws IOException {
    Path noClose = file("h.csv", "date,open,high,low,volume", "2024-01-02,1,1,1,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.SKIP, null, DataFileConfig.of(noClose.toString()).withFormat(DataFormat.OHLCV)))
        .hasMessageStartingWith(noClose + ":1: ").hasMessageContaining("has no close column");
    Path intraday = file("i.csv", "timestamp,open,high,low,close,volume", "2024-01-02T10:00:00Z,1,1,1,1,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.SKIP, null, DataFileConfig.of(intraday.toString())))
        .hasMessageStartingWith(intraday + ":2: ").hasMessageContaining("no timeframe is configured");
    Path trades = file("tr.csv", "timestamp,price,amount", "1704205800,10,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.SKIP, null, DataFileConfig.of(trades.toString())))
        .hasMessageContaining("a trades file is aggregated into bars and needs a timeframe");
    assertThatThrownBy(() -> readAll(BadRowPolicy.SKIP, null, DataFileConfig.of(AAPL).withPublishTicks(true)))
        .hasMessage(AAPL + ":1: publish_ticks is set but this is an ohlcv file, which has no ticks");
    Path twoBarsADay = file("dup.csv", "timestamp,open,high,low,close,volume",
        "2024-01-02T10:00:00Z,1,1,1,1,1", "2024-01-02T10:01:00Z,1,1,1,1,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.FAIL, Timeframe.parse("1h"), DataFileConfig.of(twoBarsADay.toString())))
        .hasMessageStartingWith(twoBarsADay + ":3: ").hasMessageContaining("is only 1min after the previous row's (line 2)")
        .hasMessageContaining("less than the timeframe 1h");
  }

  @Test
  void filesOfDifferentTimeframesAreRefused() throws IOException {
    Path trades = file("tr.csv", "timestamp,price,amount", "1704205800,10,1");
    assertThatThrownBy(() -> readAll(BadRowPolicy.FAIL, null, DataFileConfig.of(GOOG),
        DataFileConfig.of(trades.toString()).withTimeframe(Timeframe.parse("1min"))))
        .hasMessageContaining("its timeframe 1min differs from 1D");
  }
}
