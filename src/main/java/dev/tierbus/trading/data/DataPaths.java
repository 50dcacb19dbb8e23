package dev.tierbus.trading.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where market-data files are found: a filesystem path (relative to the working directory),
 * or {@code classpath:<resource>} for a file inside the jar, such as the shipped
 * {@code classpath:market-data/goog_daily_2004-08-19_2008-10-14.csv}.
 */
public final class DataPaths {

  /** Prefix of a path that names a class-path resource. */
  public static final String CLASSPATH = "classpath:";

  private static final int BUFFER_CHARS = 1 << 16;

  private DataPaths() {}

  /** Null when {@code path} can be read, else what is wrong with it. */
  public static String problem(String path) {
    if (path.startsWith(CLASSPATH)) {
      String resource = resource(path);
      return loader().getResource(resource) == null ? "no class-path resource '" + resource + "'" : null;
    }
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      return "no such file '" + path + "' (looked at " + p.toAbsolutePath().normalize() + ")";
    }
    if (!Files.isReadable(p)) {
      return "file '" + path + "' is not readable";
    }
    return null;
  }

  /** Opens {@code path} as UTF-8 text, buffered; the caller closes it. */
  public static BufferedReader open(String path) throws IOException {
    InputStream in;
    if (path.startsWith(CLASSPATH)) {
      in = loader().getResourceAsStream(resource(path));
      if (in == null) {
        throw new IOException("no class-path resource '" + resource(path) + "'");
      }
    } else {
      in = Files.newInputStream(Path.of(path));
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_CHARS);
  }

  /** The file name without folders, e.g. {@code goog_daily.csv} for {@code classpath:market-data/goog_daily.csv}. */
  public static String fileName(String path) {
    String p = path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return p.substring(slash + 1);
  }

  private static String resource(String path) {
    String r = path.substring(CLASSPATH.length());
    return r.startsWith("/") ? r.substring(1) : r;
  }

  private static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : DataPaths.class.getClassLoader();
  }
}
