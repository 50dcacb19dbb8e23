package dev.tierbus.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded journal server's password: 32 random bytes in hex, generated once and kept in
 * {@code DIR/password}, readable by its owner only. It is never printed or logged.
 */
final class ServerPassword {

  static final String FILE = "password";

  private final Path file;

  private ServerPassword(Path file) {
    this.file = file;
  }

  static ServerPassword in(Path dir) {
    return new ServerPassword(dir.resolve(FILE));
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.exists(file);
  }

  /** The kept password, or a new one written to the file first. */
  String readOrCreate() throws IOException {
    if (exists()) {
      String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (!kept.matches("[0-9a-f]{16,}")) {
        throw new IllegalStateException(file + " does not hold a password written by tierbus; restore it or remove"
            + " the journal's data directory");
      }
      return kept;
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String password = HexFormat.of().formatHex(bytes);
    writeOwnerOnly(file, password + "\n");
    return password;
  }

  /** Writes {@code text} to {@code file} with owner-only permissions, replacing it whole. */
  static void writeOwnerOnly(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
