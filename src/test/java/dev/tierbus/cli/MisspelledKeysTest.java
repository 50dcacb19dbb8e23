package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.trading.TradingContainers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A misspelled key of every built-in container type — top-level, nested, in a list item, in
 * another mode of the type, structural — is refused by {@code validate}, {@code run} and
 * {@code backtest} with its key path and the key that was meant.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MisspelledKeysTest {

  private static final String AAPL = "classpath:market-data/aapl_daily_2013.csv";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int cli(String... args) {
    return TierbusCli.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), ContainerRegistry.withDefaults());
  }

  private String write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("t.yaml"), yaml.replace("\\n", "\n").replace("AAPL_FILE", AAPL)).toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      data, source csv           | d: {container_type: data, source: csv, files: [AAPL_FILE], bar_intervall_ms: 50}                      | d.bar_intervall_ms: unknown parameter of data, did you mean bar_interval_ms?
      data, a csv file entry     | d: {container_type: data, source: csv, files: [{path: AAPL_FILE, symbl: AAPL}]}                        | d.files[0].symbl: unknown parameter of data, did you mean symbol?
      data, source synthetic     | d: {container_type: data, source: synthetic, volatilty: 0.1}                                          | d.volatilty: unknown parameter of data, did you mean volatility?
      data, csv key on synthetic | d: {container_type: data, loop: true}                                                                 | d.loop: only used with source: csv
      data, synthetic key on csv | d: {container_type: data, source: csv, files: [AAPL_FILE], seed: 7}                                    | d.seed: only used with source: synthetic
      synthetic_feed             | f: {container_type: synthetic_feed, max_bar: 10}                                                      | f.max_bar: unknown parameter of synthetic_feed, did you mean max_bars?
      indicator                  | i: {container_type: indicator, indicator: [RSI]}                                                      | i.indicator: unknown parameter of indicator, did you mean indicators?
      indicator entry            | i: {container_type: indicator, indicators: [{type: RSI, perod: 14}]}                                  | i.indicators[0].perod: unknown parameter of indicator RSI, did you mean period?
      indicator, another type's  | i: {container_type: indicator, indicators: [{type: RSI, k: 2}]}                                       | i.indicators[0].k: only used with type: BOLLINGER
      strategy                   | s: {container_type: strategy, strategy: {type: momentum}, stratgy: {type: breakout}}                  | s.stratgy: unknown parameter of strategy, did you mean strategy?
      strategy momentum          | s: {container_type: strategy, strategy: {type: momentum, slow_perod: 30}}                             | s.strategy.slow_perod: unknown parameter of strategy momentum, did you mean slow_period?
      strategy mean_reversion    | s: {container_type: strategy, strategy: {type: mean_reversion, std_treshold: 2}}                      | s.strategy.std_treshold: unknown parameter of strategy mean_reversion, did you mean std_threshold?
      strategy breakout          | s: {container_type: strategy, strategy: {type: breakout, volume_treshold: 2}}                         | s.strategy.volume_treshold: unknown parameter of strategy breakout, did you mean volume_threshold?
      strategy, another type's   | s: {container_type: strategy, strategy: {type: momentum, lookback_period: 20}}                        | s.strategy.lookback_period: only used with type: mean_reversion
      ensemble, aggregation      | e: {container_type: strategy_ensemble, sub_containers: [{container_type: strategy, container_id: m, strategy: {type: momentum}}], internal_events: {aggregation: {methd: majority}}}                   | e.internal_events.aggregation.methd: unknown parameter of strategy_ensemble, did you mean method?
      ensemble, coordination     | e: {container_type: strategy_ensemble, sub_containers: [{container_type: strategy, container_id: m, strategy: {type: momentum}}], internal_events: {coordination: {timout_ms: 50}}}                  | e.internal_events.coordination.timout_ms: unknown parameter of strategy_ensemble, did you mean timeout_ms?
      ensemble, internal_events  | e: {container_type: strategy_ensemble, sub_containers: [{container_type: strategy, container_id: m, strategy: {type: momentum}}], internal_event: {aggregation: {method: majority}}}                  | e.internal_event: unknown parameter of strategy_ensemble, did you mean internal_events?
      ensemble, its strategies   | e: {container_type: strategy_ensemble, sub_containers: [{container_type: strategy, container_id: m, strategy: {type: momentum, fast_perod: 5}}]}                                                     | e.sub_containers[0].strategy.fast_perod: unknown parameter of strategy momentum, did you mean fast_period?
      risk                       | r: {container_type: risk, max_postion_pct: 5}                                                         | r.max_postion_pct: unknown parameter of risk, did you mean max_position_pct?
      risk sizing                | r: {container_type: risk, sizing: {method: percent_of_equity, percent: 10, precent: 10}}              | r.sizing.precent: unknown parameter of risk, did you mean percent?
      risk sizing, other method  | r: {container_type: risk, sizing: {method: all_in, quantity: 10}}                                     | r.sizing.quantity: only used with method: fixed_quantity
      execution                  | x: {container_type: execution, slipage_bps: 2}                                                        | x.slipage_bps: unknown parameter of execution, did you mean slippage_bps?
      execution, params block    | x: {container_type: execution, params: {comission_pct: 0.1}}                                          | x.params.comission_pct: unknown parameter of execution, did you mean commission_pct?
      portfolio                  | p: {container_type: portfolio, initial_captial: 5000}                                                 | p.initial_captial: unknown parameter of portfolio, did you mean initial_capital?
      analysis                   | a: {container_type: analysis, report_every_bar: 10}                                                   | a.report_every_bar: unknown parameter of analysis, did you mean report_every_bars?
      recorder                   | r: {container_type: recorder, events: [SIGNAL], path: signals.jsonl, flush_intervall_ms: 10}         | r.flush_intervall_ms: unknown parameter of recorder, did you mean flush_interval_ms?
      printer                    | p: {container_type: printer, evry: 10}                                                                | p.evry: unknown parameter of printer, did you mean every?
      structural key             | p: {container_type: printer, external_event: {subscribes: []}}                                        | p.external_event: unknown parameter of printer, did you mean external_events?
      """)
  void validateRefusesTheTypoWithItsPathAndTheMeantKey(String kind, String yaml, String expected) throws IOException {
    int code = cli("validate", "--topology", write(yaml));
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(kind + ": " + err).isEqualTo(2);
    assertThat(err.lines()).as(kind).contains(expected);
  }

  @Test
  void everyBuiltInTypeIsCovered() {
    assertThat(ContainerRegistry.withDefaults().types()).containsExactlyInAnyOrder(
        TradingContainers.SYNTHETIC_FEED, TradingContainers.DATA, TradingContainers.INDICATOR,
        TradingContainers.STRATEGY, TradingContainers.STRATEGY_ENSEMBLE, TradingContainers.PRINTER,
        TradingContainers.RECORDER, TradingContainers.RISK, TradingContainers.EXECUTION, TradingContainers.PORTFOLIO,
        TradingContainers.ANALYSIS);
  }

  @Test
  void annotationKeysPassSilentlyAnywhereInAnEntry() throws IOException {
    String file = write("""
        d:
          container_type: data
          x-owner: desk 4
          source: csv
          files: [{path: AAPL_FILE, x-vendor: exchange}]
          bar_interval_ms: 50
          external_events:
            x-why: bars for everyone
            publishes: [{events: [BAR], x-note: fast}]
        r:
          container_type: risk
          sizing: {method: all_in, x-why: one position}
          external_events:
            subscribes: [{source: d, events: [BAR], filters: {symbols: [AAPL], x-note: one}}]
        """);
    assertThat(cli("validate", "--topology", file)).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void runRefusesATypoBeforeStartingAnything() throws IOException {
    String file = write("x: {container_type: execution, slipage_bps: 2}\n");
    assertThat(cli("run", "--topology", file, "--http-port", "0")).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines())
        .contains("x.slipage_bps: unknown parameter of execution, did you mean slippage_bps?");
  }

  @Test
  void backtestRefusesATypoBeforeAnythingRuns() throws IOException {
    String file = write("""
        market_data: {container_type: data, source: csv, files: [AAPL_FILE]}
        execution: {container_type: execution, slipage_bps: 2}
        analysis: {container_type: analysis}
        """);
    assertThat(cli("backtest", "--topology", file, "--out", dir.resolve("out").toString())).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines())
        .contains("execution.slipage_bps: unknown parameter of execution, did you mean slippage_bps?");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
