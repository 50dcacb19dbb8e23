package dev.tierbus.journal.impl;

import io.vertx.sqlclient.DatabaseException;

/**
 * Tells a row the journal refuses from a journal that fails.
 *
 * <p>SQLSTATE class 22 (data exception: a value out of range, an invalid byte sequence, ...)
 * and class 23 (integrity constraint violation) are PostgreSQL's verdict on the values of a
 * statement: the server answered, and a statement without the offending row would succeed.
 * Everything else (connection lost, timeouts, server shutting down, ...) is an outage.
 */
final class DataErrors {

  private DataErrors() {}

  /** True when {@code cause} is PostgreSQL refusing the statement's values, not an outage. */
  static boolean isDataError(Throwable cause) {
    String state = sqlState(cause);
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  /** The SQLSTATE of a database error, or null when {@code cause} is none. */
  static String sqlState(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseException db && db.getSqlState() != null) {
        return db.getSqlState();
      }
    }
    return null;
  }

  /** What PostgreSQL said, without the client's decoration. */
  static String message(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof io.vertx.pgclient.PgException pg && pg.getErrorMessage() != null) {
        return pg.getErrorMessage() + (pg.getDetail() != null ? " (" + pg.getDetail() + ")" : "");
      }
    }
    return String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
  }
}
