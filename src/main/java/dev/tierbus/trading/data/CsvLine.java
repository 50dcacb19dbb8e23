package dev.tierbus.trading.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited text file into fields.
 *
 * <p>Rules (RFC 4180 without multi-line fields): fields are separated by one character; a
 * field may be enclosed in double quotes, inside which the separator is data and {@code ""}
 * is one quote; whitespace around a field is trimmed. A quote left open at the end of the
 * line is an error, since market-data rows never span lines.
 */
final class CsvLine {

  private CsvLine() {}

  /**
   * The fields of {@code line}.
   *
   * @throws IllegalArgumentException when a quoted field is not closed on this line
   */
  static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>(8);
    int n = line.length();
    int i = 0;
    while (true) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("a quoted field is not closed on this line");
        }
        while (i < n && line.charAt(i) != separator) {
          if (line.charAt(i) != ' ') {
            throw new IllegalArgumentException("text after the closing quote of field " + (fields.size() + 1));
          }
          i++;
        }
        fields.add(sb.toString());
      } else {
        int start = i;
        while (i < n && line.charAt(i) != separator) {
          i++;
        }
        fields.add(line.substring(start, i).trim());
      }
      if (i >= n) {
        return fields;
      }
      i++; // the separator
    }
  }

  /**
   * The separator of a file, guessed from its header line: whichever of {@code ,} {@code ;}
   * and tab occurs most often outside quotes ({@code ,} when none does).
   */
  static char detectSeparator(String header) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return ',';
  }
}
