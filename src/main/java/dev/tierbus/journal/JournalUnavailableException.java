package dev.tierbus.journal;

/**
 * The reliable tier could not journal an event, so the publish was not acknowledged.
 *
 * <p>When the journal failed before the commit, nothing of the event was kept. When the
 * connection broke during the commit itself, PostgreSQL may still have committed it: it is
 * then delivered like any journalled event (after a restart, flagged as redelivered), and a
 * publisher that publishes it again causes a second event.
 */
public final class JournalUnavailableException extends RuntimeException {

  public JournalUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
