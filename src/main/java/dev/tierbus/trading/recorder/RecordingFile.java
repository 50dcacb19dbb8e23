package dev.tierbus.trading.recorder;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.OpenOption;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A recorder's file: whole lines appended, made durable in groups.
 *
 * <p>Lines are collected in memory by {@link #append}; {@link #flush} writes everything
 * collected in one go and, when asked, forces it to the disk ({@code fdatasync}). A line is
 * durable once a forcing flush that contains it has returned — that is what a recorder waits
 * for before it confirms a reliable-tier delivery. When a write or a force fails, the file is
 * cut back to the size it had after the last flush that succeeded, so no part of the failed
 * group stays behind as a torn or unconfirmed line, and the collected lines are dropped (their
 * deliveries fail and come again).
 *
 * <p>A crash can leave a torn last line (written in part, never forced); {@link #open} in
 * append mode cuts the file back to its last newline. The file itself is never followed
 * through a symbolic link.
 *
 * <p>Not thread-safe: one owner (the recorder's context) calls it. Blocking.
 */
final class RecordingFile implements Closeable {

  private static final int INITIAL_CAPACITY = 1 << 16;
  private static final int TAIL_SCAN = 1 << 16;

  private final Path path;
  private final FileChannel channel;
  private final long tornBytesCut;
  private ByteBuffer pending = ByteBuffer.allocate(INITIAL_CAPACITY);
  private int pendingLines;
  /** Size of the file after the last flush that succeeded. */
  private long flushedSize;
  private boolean unforced;

  private RecordingFile(Path path, FileChannel channel, long size, long tornBytesCut) {
    this.path = path;
    this.channel = channel;
    this.flushedSize = size;
    this.tornBytesCut = tornBytesCut;
  }

  /**
   * Opens {@code path}, creating it when missing.
   *
   * @param append true: keep what is there (cut back to its last newline); false: start empty
   */
  static RecordingFile open(Path path, boolean append) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (!append) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    FileChannel channel = FileChannel.open(path, withNoFollow(options));
    try {
      long size = channel.size();
      long whole = wholeLines(channel, size);
      if (whole < size) {
        channel.truncate(whole);
        channel.force(false);
      }
      channel.position(whole);
      return new RecordingFile(path, channel, whole, size - whole);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Set<OpenOption> withNoFollow(Set<StandardOpenOption> options) {
    Set<OpenOption> all = new HashSet<>(options);
    all.add(LinkOption.NOFOLLOW_LINKS);
    return all;
  }

  /** The size up to and with the last newline of the file (0 when it has none). */
  private static long wholeLines(FileChannel channel, long size) throws IOException {
    long end = size;
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(TAIL_SCAN, Math.max(1, size)));
    while (end > 0) {
      int n = (int) Math.min(buf.capacity(), end);
      long from = end - n;
      buf.clear().limit(n);
      while (buf.hasRemaining()) {
        if (channel.read(buf, from + buf.position()) < 0) {
          throw new IOException(channel + ": shorter than its size while reading its last line");
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return from + i + 1;
        }
      }
      end = from;
    }
    return 0;
  }

  /** Bytes of a torn last line that {@link #open} cut off. */
  long tornBytesCut() {
    return tornBytesCut;
  }

  /** Collects one line; {@code line} is its UTF-8 bytes without the newline. */
  void append(byte[] line) {
    int need = line.length + 1;
    if (pending.remaining() < need) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + need));
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
    pending.put(line).put((byte) '\n');
    pendingLines++;
  }

  /** Lines collected and not yet flushed. */
  int pendingLines() {
    return pendingLines;
  }

  /** Bytes collected and not yet flushed. */
  int pendingBytes() {
    return pending.position();
  }

  /**
   * Writes the collected lines to the file and, with {@code force}, forces the file's content
   * to the disk (also what earlier flushes without force wrote).
   *
   * @throws IOException when the write or the force failed; the file is cut back to its size
   *     after the last flush that succeeded and the collected lines are dropped
   */
  void flush(boolean force) throws IOException {
    try {
      if (pending.position() > 0) {
        pending.flip();
        while (pending.hasRemaining()) {
          channel.write(pending);
        }
        unforced = true;
      }
      if (force && unforced) {
        channel.force(false);
        unforced = false;
      }
      flushedSize = channel.position();
    } catch (IOException | RuntimeException e) {
      cutBack();
      throw e;
    } finally {
      pending.clear();
      pendingLines = 0;
    }
  }

  private void cutBack() {
    try {
      channel.truncate(flushedSize);
      channel.position(flushedSize);
    } catch (IOException | RuntimeException ignored) {
      // the write failed already; what is left past flushedSize is cut at the next open
    }
  }

  /** The file's size after the last successful flush. */
  long size() {
    return flushedSize;
  }

  Path path() {
    return path;
  }

  /** Flushes with force, then closes; closes also when that fails. */
  @Override
  public void close() throws IOException {
    try {
      flush(true);
    } finally {
      channel.close();
    }
  }
}
