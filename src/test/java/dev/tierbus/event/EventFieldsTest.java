package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class EventFieldsTest {

  private static final Bar BAR = new Bar("1D", 1, 2, 0.5, 1.5, 10);

  /** What making a BAR from {@code source} for {@code symbol} throws (the assertion fails when nothing is). */
  private static AbstractThrowableAssert<?, ? extends Throwable> refusedBar(String source, String symbol) {
    return assertThatThrownBy(() -> Event.of(EventType.BAR, source, symbol, 1, BAR));
  }

  @Test
  void ordinaryTextAndPairedSurrogatesPass() {
    assertThat(EventFields.problem("BRK.B", EventFields.MAX_SYMBOL_LENGTH)).isNull();
    assertThat(EventFields.problem("€-Aktie \uD83D\uDCC8", EventFields.MAX_SYMBOL_LENGTH)).isNull();
    Event e = Event.of(EventType.BAR, "data", "ÄÖÜ", 1, BAR);
    assertThat(e.symbol()).isEqualTo("ÄÖÜ");
  }

  @Test
  void nulInSymbolIsRefusedNamingTheField() {
    refusedBar("data", "AA\u0000PL")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol holds the control character U+0000 at index 2");
  }

  @Test
  void loneSurrogatesAreRefused() {
    refusedBar("data", "X\uD800").hasMessage("symbol holds an unpaired UTF-16 surrogate U+D800 at index 1");
    refusedBar("data", "\uDC00X").hasMessage("symbol holds an unpaired UTF-16 surrogate U+DC00 at index 0");
  }

  @Test
  void controlCharactersEmptyAndLongValuesAreRefused() {
    refusedBar("da\nta", "AAPL").hasMessage("source holds the control character U+000A at index 2");
    refusedBar("data", "A\u0085").hasMessageStartingWith("symbol holds the control character U+0085");
    refusedBar("data", "").hasMessage("symbol is empty");
    refusedBar("data", "A".repeat(65)).hasMessage("symbol is 65 characters long, at most 64 are allowed");
    refusedBar("s".repeat(129), "AAPL").hasMessageStartingWith("source is 129 characters long");
  }

  @Test
  void headersAndOrderIdsAreChecked() {
    assertThatThrownBy(() -> new Event(1, EventType.BAR, "data", "AAPL", 1, BAR, Map.of("k", "v\u0000")))
        .hasMessage("header k holds the control character U+0000 at index 1");
    assertThatThrownBy(() -> Order.market("o\u0007", Side.BUY, 1, "test"))
        .hasMessage("orderId holds the control character U+0007 at index 1");
    assertThatThrownBy(() -> new Fill("", Side.BUY, 1, 1, 0)).hasMessage("orderId is empty");
  }

  @Test
  void aNullSymbolMeansNoInstrument() {
    assertThat(Event.of(EventType.SYSTEM, "node", null, 1, null).symbol()).isNull();
  }
}
