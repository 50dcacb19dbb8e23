package dev.tierbus.journal;

import java.util.List;

/**
 * One page of dead letters.
 *
 * @param letters the letters, in delivery-id order
 * @param total how many dead letters match the query's filters (all pages)
 * @param nextAfter the cursor for the next page ({@link DeadLetterQuery#after}), or -1 when
 *     this is the last page
 */
public record DeadLetterPage(List<DeadLetter> letters, long total, long nextAfter) {
  public DeadLetterPage {
    letters = List.copyOf(letters);
  }
}
