package dev.tierbus.trading.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A delimited text file read line by line: its header (first non-blank line, which also
 * tells the separator) and then its rows with their line numbers. Blank lines are skipped.
 * Streaming: only the current line is held. Not thread-safe.
 */
final class CsvFile implements AutoCloseable {

  private final String name;
  private final BufferedReader reader;
  private final char separator;
  private final List<String> header;
  private final List<String> rawHeader;
  private long lineNumber;

  private CsvFile(String name, BufferedReader reader) throws IOException {
    this.name = name;
    this.reader = reader;
    String first = nextNonBlank();
    if (first == null) {
      reader.close();
      throw new BadRowException(name, Math.max(1, lineNumber), "the file is empty, expected a header line", true);
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1); // a byte-order mark is not part of the first column's name
    }
    this.separator = CsvLine.detectSeparator(first);
    List<String> names;
    try {
      names = CsvLine.split(first, separator);
    } catch (IllegalArgumentException e) {
      reader.close();
      throw new BadRowException(name, lineNumber, "header: " + e.getMessage(), true);
    }
    this.rawHeader = List.copyOf(names);
    this.header = names.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /** Opens {@code path} (see {@link DataPaths}) and reads its header. */
  static CsvFile open(String path) throws IOException {
    return new CsvFile(path, DataPaths.open(path));
  }

  String name() {
    return name;
  }

  char separator() {
    return separator;
  }

  /** The header's column names, trimmed, unquoted and lower-cased. */
  List<String> header() {
    return header;
  }

  /** The header's column names as written (a time pattern such as {@code %Y-%m-%d} is case-sensitive). */
  List<String> rawHeader() {
    return rawHeader;
  }

  /** The line number of the last line read (the header's until a row is read). */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * The fields of the next row, or null at the end of the file.
   *
   * @throws BadRowException when the line cannot be split (an unclosed quote)
   */
  List<String> nextRow() throws IOException {
    String line = nextNonBlank();
    if (line == null) {
      return null;
    }
    try {
      return CsvLine.split(line, separator);
    } catch (IllegalArgumentException e) {
      throw new BadRowException(name, lineNumber, e.getMessage());
    }
  }

  private String nextNonBlank() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
    } while (line.isBlank());
    return line;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
