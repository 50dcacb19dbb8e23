package dev.tierbus.cli;

import java.io.PrintStream;
import java.io.Writer;

/**
 * A {@link Writer} onto a {@link PrintStream}, for picocli's help, version and completion text:
 * the text is encoded in the stream's own charset (a {@code PrintWriter} over the bare stream
 * would use the platform's) and goes out in order with what the commands print on the stream.
 */
final class PrintStreamWriter extends Writer {

  private final PrintStream stream;

  PrintStreamWriter(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    stream.print(new String(chars, offset, length));
  }

  @Override
  public void flush() {
    stream.flush();
  }

  /** Flushes only: the stream belongs to the caller. */
  @Override
  public void close() {
    stream.flush();
  }
}
