package dev.tierbus.trading.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeframeTest {

  @Test
  void parsesTheUsualTimeframes() {
    assertThat(Timeframe.parse("1s").duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(Timeframe.parse("1min").duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(Timeframe.parse("5min").duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(Timeframe.parse("15min").nanos()).isEqualTo(900_000_000_000L);
    assertThat(Timeframe.parse("1h").duration()).isEqualTo(Duration.ofHours(1));
    assertThat(Timeframe.parse("4h").duration()).isEqualTo(Duration.ofHours(4));
    assertThat(Timeframe.parse("1D").duration()).isEqualTo(Duration.ofDays(1));
    assertThat(Timeframe.parse("1W").duration()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void printsItsCanonicalSpelling() {
    assertThat(Timeframe.parse("5min")).hasToString("5min");
    assertThat(Timeframe.parse(" 1D ")).hasToString("1D");
    assertThat(Timeframe.parse("05min")).hasToString("5min");
  }

  @Test
  void refusesWhatItCannotReadWithAClearMessage() {
    assertThatThrownBy(() -> Timeframe.parse("5x")).hasMessageContaining("'5x' has unknown unit 'x'")
        .hasMessageContaining("s, min, h, D or W");
    assertThatThrownBy(() -> Timeframe.parse("1m")).hasMessageContaining("unknown unit 'm'");
    assertThatThrownBy(() -> Timeframe.parse("1d")).hasMessageContaining("unknown unit 'd'");
    assertThatThrownBy(() -> Timeframe.parse("min")).hasMessageContaining("not a number followed by a unit");
    assertThatThrownBy(() -> Timeframe.parse("15")).hasMessageContaining("not a number followed by a unit");
    assertThatThrownBy(() -> Timeframe.parse("0min")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Timeframe.parse("-1min")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeframe.parse("99999999999999W")).hasMessageContaining("too long");
    assertThatThrownBy(() -> Timeframe.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
