package dev.tierbus.trading.data;

/**
 * A row of a market-data file that cannot be replayed, or a file that cannot be read at all
 * (line 1 for a bad header). The message reads {@code <file>:<line>: <what is wrong>}.
 */
public class BadRowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String reason;
  private final boolean wholeFile;

  /** A bad row: skipped or refused per {@link BadRowPolicy}. */
  public BadRowException(String file, long line, String reason) {
    this(file, line, reason, false);
  }

  /**
   * @param wholeFile true when no row of the file can be read because of this (a bad header,
   *     a missing timeframe): refused whatever the {@link BadRowPolicy}
   */
  public BadRowException(String file, long line, String reason, boolean wholeFile) {
    super(file + ":" + line + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
    this.wholeFile = wholeFile;
  }

  /** True when the problem is the file's, not one row's: never skipped. */
  public boolean wholeFile() {
    return wholeFile;
  }

  /** The file as configured (its path or {@code classpath:} name). */
  public String file() {
    return file;
  }

  /** The 1-based line number in the file. */
  public long line() {
    return line;
  }

  /** What is wrong with the row, without file and line. */
  public String reason() {
    return reason;
  }
}
