package dev.tierbus.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A node's hold on an embedded journal's data directory: an OS lock on
 * {@code DIR/tierbus.lock}, which holds the node's pid.
 *
 * <p>The OS lock tells a live owner from a dead one: the kernel drops it when its process
 * ends, however it ends (SIGKILL included), and a pid alone could have been reused. The pid is
 * there to name the owner in the refusal. Within one JVM a second hold on the same directory
 * is refused the same way, before the file is opened again: closing any channel of a file
 * drops every lock this process holds on it (POSIX record locks), which would hand the
 * directory to the next process.
 */
final class DataDirLock {

  static final String FILE = "tierbus.lock";
  /** Directories held by this JVM. */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path dir;

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the directory (created, owner-only, when missing) for this process.
   *
   * @param shown the directory as the operator named it, for the message
   * @throws IllegalStateException "another tierbus node (pid N) uses DIR" when a running process holds it
   */
  static DataDirLock acquire(Path dir, String shown) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException notPosix) {
        // the directory keeps the file system's permissions
      }
    }
    Path real = dir.toRealPath();
    if (!HELD.add(real)) {
      throw inUse(shown, Long.toString(ProcessHandle.current().pid()), null);
    }
    Path file = dir.resolve(FILE);
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (RuntimeException | IOException e) {
      HELD.remove(real);
      throw e;
    }
    if (lock == null) {
      String owner = readOwner(file);
      channel.close();
      HELD.remove(real);
      throw inUse(shown, owner, file);
    }
    try {
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
    } catch (IOException e) {
      lock.release();
      channel.close();
      HELD.remove(real);
      throw e;
    }
    return new DataDirLock(real, channel, lock);
  }

  private static IllegalStateException inUse(String shown, String ownerPid, Path file) {
    return new IllegalStateException((ownerPid != null ? "another tierbus node (pid " + ownerPid + ") uses " + shown
        : "another process holds the lock " + file + ", so another tierbus node uses " + shown)
        + "; give this node a journal.data_dir of its own, or stop that node first");
  }

  /** The pid written by the holder, when it names a live process. */
  private static String readOwner(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      long pid = Long.parseLong(text);
      return ProcessHandle.of(pid).map(p -> p.isAlive() ? text : null).orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Gives the directory up (the file stays; only the lock makes an owner). */
  void release() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException ignored) {
      // the process ends or the channel is gone: the lock goes with it
    } finally {
      HELD.remove(dir);
    }
  }
}
