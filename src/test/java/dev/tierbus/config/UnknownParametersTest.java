package dev.tierbus.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownParametersTest {

  private static final Set<String> EXECUTION = Set.of("fill_at", "commission_pct", "commission_per_share",
      "commission_min", "slippage_bps", "max_working_orders");

  @Test
  void aDroppedDoubledSwappedOrWrongLetterFindsTheKey() {
    assertThat(UnknownParameters.closest("slipage_bps", EXECUTION)).contains("slippage_bps");
    assertThat(UnknownParameters.closest("slippagge_bps", EXECUTION)).contains("slippage_bps");
    assertThat(UnknownParameters.closest("precent", List.of("method", "percent"))).contains("percent");
    assertThat(UnknownParameters.closest("comission_min", EXECUTION)).contains("commission_min");
    assertThat(UnknownParameters.closest("Fill_At", EXECUTION)).contains("fill_at");
  }

  @Test
  void anUnrelatedKeySuggestsNothing() {
    assertThat(UnknownParameters.closest("colour", EXECUTION)).isEmpty();
    assertThat(UnknownParameters.closest("slippage", EXECUTION)).isEmpty();
    assertThat(UnknownParameters.closest("k", List.of("period"))).isEmpty();
  }

  @Test
  void theAllowedDistanceGrowsWithTheKey() {
    assertThat(UnknownParameters.closest("perd", List.of("period"))).isEmpty();
    assertThat(UnknownParameters.closest("perod", List.of("period"))).contains("period");
    assertThat(UnknownParameters.closest("max_postion_pc", List.of("max_position_pct"))).contains("max_position_pct");
  }

  @Test
  void theNearestWinsAndTiesGoToTheFirstInOrder() {
    assertThat(UnknownParameters.closest("fast_perod", List.of("slow_period", "fast_period"))).contains("fast_period");
    assertThat(UnknownParameters.closest("abx", List.of("abz", "aby"))).contains("aby");
  }

  @Test
  void theMessageSuggestsOrListsWhatTheTypeTakes() {
    assertThat(UnknownParameters.message("slipage_bps", "execution", EXECUTION, List.of()))
        .isEqualTo("unknown parameter of execution, did you mean slippage_bps?");
    assertThat(UnknownParameters.message("external_event", "strategy_ensemble", Set.of(),
        ContainerSpec.STRUCTURAL_KEYS)).isEqualTo("unknown parameter of strategy_ensemble, did you mean external_events?");
    assertThat(UnknownParameters.message("colour", "printer", Set.of("every"), ContainerSpec.STRUCTURAL_KEYS))
        .isEqualTo("unknown parameter of printer, expected one of every");
    assertThat(UnknownParameters.message("colour", "strategy_ensemble", Set.of(), ContainerSpec.STRUCTURAL_KEYS))
        .isEqualTo("unknown parameter of strategy_ensemble, which takes none");
  }
}
