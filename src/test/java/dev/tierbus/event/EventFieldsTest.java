package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFieldsTest {

  private static final Bar BAR = new Bar("1D", 1, 2, 0.5, 1.5, 10);

  @Test
  void ordinaryTextAndPairedSurrogatesPass() {
    assertThat(EventFields.problem("BRK.B", EventFields.MAX_SYMBOL_LENGTH)).isNull();
    assertThat(EventFields.problem("€-Aktie \uD83D\uDCC8", EventFields.MAX_SYMBOL_LENGTH)).isNull();
    Event e = Event.of(EventType.BAR, "data", "ÄÖÜ", 1, BAR);
    assertThat(e.symbol()).isEqualTo("ÄÖÜ");
  }

  @Test
  void nulInSymbolIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "AA\u0000PL", 1, BAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol holds the control character U+0000 at index 2");
  }

  @Test
  void loneSurrogatesAreRefused() {
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "X\uD800", 1, BAR))
        .hasMessage("symbol holds an unpaired UTF-16 surrogate U+D800 at index 1");
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "\uDC00X", 1, BAR))
        .hasMessage("symbol holds an unpaired UTF-16 surrogate U+DC00 at index 0");
  }

  @Test
  void controlCharactersEmptyAndLongValuesAreRefused() {
    assertThatThrownBy(() -> Event.of(EventType.BAR, "da\nta", "AAPL", 1, BAR))
        .hasMessage("source holds the control character U+000A at index 2");
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "A\u0085", 1, BAR))
        .hasMessageStartingWith("symbol holds the control character U+0085");
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "", 1, BAR)).hasMessage("symbol is empty");
    assertThatThrownBy(() -> Event.of(EventType.BAR, "data", "A".repeat(65), 1, BAR))
        .hasMessage("symbol is 65 characters long, at most 64 are allowed");
    assertThatThrownBy(() -> Event.of(EventType.BAR, "s".repeat(129), "AAPL", 1, BAR))
        .hasMessageStartingWith("source is 129 characters long");
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
