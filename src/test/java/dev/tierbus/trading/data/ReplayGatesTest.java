package dev.tierbus.trading.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.trading.data.ReplayGate.Phase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built-in gates: what they release at once and what they hold back (never how fast). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ReplayGatesTest {

  private static final long MINUTE = 60_000_000_000L;

  @Test
  void asFastAsPossibleReleasesEveryTurnAtOnceAndLetsBatchesFill() {
    ReplayGate gate = ReplayGates.asFastAsPossible();
    assertThat(gate.awaitTurn(0, Phase.OPEN).succeeded()).isTrue();
    assertThat(gate.awaitTurn(0, Phase.CLOSE).succeeded()).isTrue();
    assertThat(gate.flushEveryPhase()).isFalse();
  }

  @Test
  void marketTimeReleasesTheCloseWhenThePeriodHasPassedAtTheGivenSpeed(Vertx vertx, VertxTestContext ctx) {
    // 600x: a 1min bar lasts 100 ms of wall time
    ReplayGate gate = ReplayGates.marketTime(vertx, 600, MINUTE);
    assertThat(gate.flushEveryPhase()).isTrue();
    long start = System.nanoTime();
    assertThat(gate.awaitTurn(10 * MINUTE, Phase.OPEN).succeeded()).as("the first bar time opens at once").isTrue();
    Future<Void> close = gate.awaitTurn(10 * MINUTE, Phase.CLOSE);
    assertThat(close.isComplete()).as("the period has not passed yet").isFalse();
    close.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat((System.nanoTime() - start) / 1_000_000).as("not before 100 ms").isGreaterThanOrEqualTo(99);
      // the next bar time opens at once: the period it starts at has come
      assertThat(gate.awaitTurn(11 * MINUTE, Phase.OPEN).succeeded()).isTrue();
      // a bar time an hour later waits
      assertThat(gate.awaitTurn(71 * MINUTE, Phase.OPEN).isComplete()).isFalse();
      ctx.completeNow();
    })));
  }

  @Test
  void fixedIntervalReleasesOneBarTimePerInterval(Vertx vertx, VertxTestContext ctx) {
    ReplayGate gate = ReplayGates.fixedInterval(vertx, 50);
    long start = System.nanoTime();
    assertThat(gate.awaitTurn(0, Phase.OPEN).succeeded()).isTrue();
    assertThat(gate.awaitTurn(0, Phase.CLOSE).succeeded()).as("the close follows its open at once").isTrue();
    Future<Void> second = gate.awaitTurn(7 * 24 * 60 * MINUTE, Phase.OPEN);
    assertThat(second.isComplete()).as("the next bar time waits for its interval, whatever the market gap").isFalse();
    second.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat((System.nanoTime() - start) / 1_000_000).as("not before 50 ms").isGreaterThanOrEqualTo(49);
      ctx.completeNow();
    })));
  }

  @Test
  void badPacesAreRefused(Vertx vertx) {
    assertThatThrownBy(() -> ReplayGates.marketTime(vertx, 0, MINUTE)).hasMessage("speed must be a finite number > 0, was 0.0");
    assertThatThrownBy(() -> ReplayGates.fixedInterval(vertx, 0)).hasMessage("intervalMs must be >= 1, was 0");
  }
}
