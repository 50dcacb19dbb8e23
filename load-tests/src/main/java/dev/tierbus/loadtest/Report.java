package dev.tierbus.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Prints the results as a table and writes them as the JSON list of {@code results/latest.json}. */
final class Report {

  private Report() {}

  static void printTable(PrintStream out, List<CaseResult> results, boolean quick) {
    out.println();
    out.printf(Locale.ROOT, "tierbus load tests (%s run, %s)%n", quick ? "quick" : "full", machine());
    String fmt = "%-20s %14s %10s %10s %10s %12s  %s%n";
    out.printf(Locale.ROOT, fmt, "case", "events/s", "p50 us", "p99 us", "p99.9 us", "alloc B/ev", "notes");
    out.println("-".repeat(100));
    for (CaseResult r : results) {
      out.printf(Locale.ROOT, fmt, r.name(),
          String.format(Locale.ROOT, "%,.0f", r.eventsPerSec()),
          num(r.p50Us()), num(r.p99Us()), num(r.p999Us()),
          String.format(Locale.ROOT, "%.1f", r.allocBytesPerEvent()),
          notes(r.extra()));
    }
    out.println();
  }

  private static String num(double us) {
    return us < 10 ? String.format(Locale.ROOT, "%.3f", us) : String.format(Locale.ROOT, "%.1f", us);
  }

  private static String notes(JsonObject x) {
    StringBuilder sb = new StringBuilder();
    if (x.getBoolean("failed", false)) {
      return "FAILED: " + x.getString("error");
    }
    if (x.containsKey("windows")) {
      sb.append("p99 per window (ms):");
      for (Object o : x.getJsonArray("windows")) {
        sb.append(String.format(Locale.ROOT, " %.1f", ((JsonObject) o).getDouble("p99_us") / 1000));
      }
      sb.append("; ");
    }
    if (x.containsKey("wal_bytes_per_event")) {
      sb.append(String.format(Locale.ROOT, "WAL %.0f B/event; ", x.getDouble("wal_bytes_per_event")));
    }
    if (x.containsKey("deliveries_per_sec") && x.getInteger("subscribers", 1) > 1) {
      sb.append(String.format(Locale.ROOT, "deliveries/s %,d; ", x.getLong("deliveries_per_sec")));
    }
    if (x.containsKey("published_per_sec")) {
      sb.append(String.format(Locale.ROOT, "published/s %,d; ", x.getLong("published_per_sec")));
    }
    if (x.containsKey("dropped")) {
      sb.append("dropped ").append(x.getLong("dropped")).append("; ");
    }
    if (x.containsKey("rejected")) {
      sb.append("rejected ").append(x.getLong("rejected")).append("; ");
    }
    if (x.containsKey("timer_overhead_ns")) {
      sb.append("nanoTime() ").append(x.getDouble("timer_overhead_ns")).append(" ns incl.; ");
    }
    if (x.containsKey("gc_count")) {
      sb.append("gc ").append(x.getLong("gc_count")).append("/").append(x.getLong("gc_ms")).append(" ms");
    }
    return sb.toString();
  }

  /**
   * Writes the results into {@code file}: a case run now replaces its earlier entry, the
   * entries of cases not run now are kept (each carries its own date).
   */
  static void writeJson(Path file, List<CaseResult> results, boolean quick) throws IOException {
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    java.util.LinkedHashMap<String, JsonObject> byName = new java.util.LinkedHashMap<>();
    if (Files.exists(file)) {
      for (Object o : new JsonArray(Files.readString(file, StandardCharsets.UTF_8))) {
        JsonObject old = (JsonObject) o;
        byName.put(old.getString("name"), old);
      }
    }
    for (CaseResult r : results) {
      JsonObject json = r.toJson()
          .put("quick", quick)
          .put("date", date)
          .put("machine", machine())
          .put("jvm", jvm());
      byName.put(r.name(), json);
    }
    JsonArray list = new JsonArray();
    byName.values().forEach(list::add);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, list.encodePrettily() + "\n", StandardCharsets.UTF_8);
  }

  static String machine() {
    return String.format(Locale.ROOT, "%d cpus, %s, %s %s", Runtime.getRuntime().availableProcessors(),
        cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  static String jvm() {
    return "Java " + System.getProperty("java.version") + " " + String.join(" ",
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-X") && !a.startsWith("-XX:Flight")).toList());
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the host name
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown cpu";
    }
  }
}
