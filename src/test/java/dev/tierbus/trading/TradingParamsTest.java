package dev.tierbus.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.trading.execution.ExecutionContainer;
import dev.tierbus.trading.execution.FillTiming;
import dev.tierbus.trading.risk.RiskContainer;
import dev.tierbus.trading.risk.SizingMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The risk, execution, portfolio and analysis types: registered, with their parameters checked by key path. */
class TradingParamsTest {

  private final ContainerRegistry registry = ContainerRegistry.withDefaults();

  private List<String> problems(String type, JsonObject params) {
    return registry.factory(type).validate(ContainerSpec.of("c", type).withParams(params));
  }

  @Test
  void theServiceLoaderFindsTheTradingTypes() {
    assertThat(registry.types()).contains("risk", "execution", "portfolio", "analysis");
  }

  @Test
  void defaultsAreValid() {
    for (String type : List.of("risk", "execution", "portfolio", "analysis")) {
      assertThat(problems(type, new JsonObject())).as(type).isEmpty();
    }
  }

  @Test
  void riskProfileFromTheDesignDocumentIsAccepted() {
    JsonObject params = new JsonObject()
        .put("risk_profile", "aggressive")
        .put("max_position_pct", 5.0)
        .put("max_total_exposure_pct", 90.0)
        .put("emergency_stop_loss", 0.15)
        .put("stop_loss_pct", 2)
        .put("allow_short", true)
        .put("whole_units", true)
        .put("sizing", new JsonObject().put("method", "all_in"));
    assertThat(problems("risk", params)).isEmpty();
    RiskContainer risk = (RiskContainer) registry.factory("risk").create(ContainerSpec.of("r", "risk").withParams(params));
    assertThat(risk.riskConfig().sizing().method()).isEqualTo(SizingMethod.ALL_IN);
    assertThat(risk.riskConfig().emergencyStopLoss()).isEqualTo(0.15);
    assertThat(risk.riskConfig().maxPositionPct()).isEqualTo(5.0);
    assertThat(risk.riskConfig().allowShort()).isTrue();
  }

  @Test
  void riskProblemsNameTheirKeys() {
    assertThat(problems("risk", new JsonObject()
        .put("initial_capital", 0)
        .put("max_position_pct", -5)
        .put("max_total_exposure_pct", "all")
        .put("stop_loss_pct", 150)
        .put("emergency_stop_loss", 15)
        .put("allow_short", "yes")
        .put("sizing", new JsonObject().put("method", "kelly"))))
        .containsExactly(
            "initial_capital: must be > 0.0, was 0.0",
            "sizing.method: 'kelly' is unknown, expected fixed_quantity, percent_of_equity or all_in",
            "allow_short: expected true or false, was \"yes\"",
            "max_position_pct: must be > 0.0, was -5.0",
            "max_total_exposure_pct: expected a finite number, was \"all\"",
            "stop_loss_pct: must be a percentage in (0, 100), e.g. 5 for 5 %, was 150.0",
            "emergency_stop_loss: must be a fraction of peak equity in (0, 1), e.g. 0.15 for 15 %, was 15.0");
    assertThat(problems("risk", new JsonObject().put("sizing", new JsonObject().put("method", "fixed_quantity"))))
        .containsExactly("sizing.quantity: is required with fixed_quantity, expected a number > 0");
    assertThat(problems("risk", new JsonObject().put("sizing", new JsonObject()
        .put("method", "percent_of_equity").put("percent", 10).put("quantity", 5))))
        .containsExactly("sizing.quantity: only used with method: fixed_quantity");
    assertThat(problems("risk", new JsonObject().put("sizing", "all_in")))
        .containsExactly("sizing: expected an object, was \"all_in\"", "sizing.method: is required, expected a string");
  }

  @Test
  void executionPortfolioAndAnalysisProblemsNameTheirKeys() {
    assertThat(problems("execution", new JsonObject()
        .put("fill_at", "vwap")
        .put("commission_pct", -0.1)
        .put("slippage_bps", "5")
        .put("max_working_orders", 0)))
        .containsExactly(
            "fill_at: 'vwap' is unknown, expected next_open or close",
            "commission_pct: must be >= 0.0, was -0.1",
            "slippage_bps: expected a finite number, was \"5\"",
            "max_working_orders: must be >= 1, was 0");
    assertThat(problems("portfolio", new JsonObject().put("initial_capital", -1)))
        .containsExactly("initial_capital: must be > 0.0, was -1.0");
    assertThat(problems("analysis", new JsonObject().put("report_every_bars", -1)))
        .containsExactly("report_every_bars: must be >= 0, was -1");
  }

  @Test
  void buildingWithBadParametersFailsListingEveryProblem() {
    assertThatThrownBy(() -> registry.factory("execution").create(ContainerSpec.of("exec", "execution")
        .withParams(new JsonObject().put("fill_at", "later").put("commission_min", -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("container 'exec' (execution) has bad parameters: fill_at: 'later' is unknown, expected "
            + "next_open or close; commission_min: must be >= 0.0, was -1.0");
    ExecutionContainer close = (ExecutionContainer) registry.factory("execution").create(
        ContainerSpec.of("exec", "execution").withParams(new JsonObject().put("fill_at", "close")));
    assertThat(close.executionConfig().fillAt()).isEqualTo(FillTiming.CLOSE);
  }

  @Test
  void buildingWithAMisspelledParameterFailsToo() {
    assertThatThrownBy(() -> registry.factory("execution").create(ContainerSpec.of("exec", "execution")
        .withParams(new JsonObject().put("slipage_bps", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("container 'exec' (execution) has bad parameters: slipage_bps: unknown parameter of execution,"
            + " did you mean slippage_bps?");
  }

  @Test
  void everyBuiltInTypeDeclaresTheParametersItReads() {
    assertThat(registry.factory("execution").parameters()).contains(Set.of("fill_at", "commission_pct",
        "commission_per_share", "commission_min", "slippage_bps", "max_working_orders"));
    assertThat(registry.factory("risk").parameters()).contains(Set.of("initial_capital", "sizing", "whole_units",
        "allow_short", "max_position_pct", "max_total_exposure_pct", "stop_loss_pct", "emergency_stop_loss",
        "risk_profile"));
    assertThat(registry.factory("portfolio").parameters()).contains(Set.of("initial_capital"));
    assertThat(registry.factory("analysis").parameters()).contains(Set.of("report_every_bars"));
    assertThat(registry.factory("printer").parameters()).contains(Set.of("every"));
    assertThat(registry.factory("strategy").parameters()).contains(Set.of("strategy"));
    assertThat(registry.factory("indicator").parameters()).contains(Set.of("indicators"));
    assertThat(registry.factory("strategy_ensemble").parameters()).contains(Set.of());
    assertThat(registry.factory("data").parameters().orElseThrow()).contains("source", "files", "speed", "loop",
        "bar_interval_ms", "bad_rows", "timeframe", "symbols", "seed", "interval_ms", "max_bars");
    assertThat(registry.factory("synthetic_feed").parameters().orElseThrow()).contains("source", "symbols", "seed")
        .doesNotContain("files");
    for (String type : registry.types()) {
      assertThat(registry.factory(type).parameters()).as(type).isPresent();
    }
  }
}
