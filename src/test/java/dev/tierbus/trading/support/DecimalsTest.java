package dev.tierbus.trading.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

  @Test
  void decimalsRoundHalfUpWithFixedPlaces() {
    assertThat(Decimals.format(0.05, 2)).isEqualTo("0.05");
    assertThat(Decimals.format(-1.23456, 3)).isEqualTo("-1.235");
    assertThat(Decimals.format(-0.00001, 2)).isEqualTo("0.00");
    assertThat(Decimals.format(12, 0)).isEqualTo("12");
    assertThat(Decimals.appendSigned(new StringBuilder(), 0.5, 2).toString()).isEqualTo("+0.50");
    assertThat(Decimals.format(Double.NaN, 2)).isEqualTo("NaN");
  }
}
