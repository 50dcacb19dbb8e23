package dev.tierbus.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What went wrong, for a person at the command line: the message of a failure and of its
 * causes, one per line, with file-system refusals said in words ("permission denied: PATH, as
 * user U") instead of the bare path Java's exceptions carry.
 */
final class ErrorText {

  private ErrorText() {}

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(line(e));
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    seen.put(e, true);
    for (Throwable c = e.getCause(); c != null && seen.put(c, true) == null; c = c.getCause()) {
      String l = line(c);
      if (sb.indexOf(l) < 0) {
        sb.append("\n  caused by: ").append(l);
      }
    }
    return sb.toString();
  }

  private static String line(Throwable e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile() + (denied.getOtherFile() == null ? "" : " -> " + denied.getOtherFile())
          + " (running as user " + System.getProperty("user.name") + "; make it writable for that user or choose"
          + " another path)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + fs.getFile();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
