package dev.tierbus.journal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL settings the journal is built for: the embedded server runs with them, and
 * an external server should have them (README, "The reliable tier").
 */
public final class JournalServerSettings {

  private JournalServerSettings() {}

  /** The embedded server's settings, name to value. */
  public static Map<String, String> embedded() {
    Map<String, String> s = new LinkedHashMap<>();
    // durability: the embedded server's own defaults turn these off
    s.put("fsync", "on");
    s.put("synchronous_commit", "on");
    s.put("full_page_writes", "on");
    s.put("listen_addresses", "127.0.0.1");
    return s;
  }
}
