package dev.tierbus.journal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL settings the journal is built for: the embedded server runs with them, and
 * an external server should have them (README, "The reliable tier").
 *
 * <p>Durability is never traded: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} stay on. The rest keeps the paced publish-to-confirmation tail short
 * through checkpoints: fewer checkpoints (each one is followed by a burst of full-page images in
 * the write-ahead log and ends with a flush of every file it wrote), full-page images
 * compressed, and the journal table vacuumed often in small steps, so it stays small.
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
    // a checkpoint every 15 minutes (or 2 GB of log) instead of every 5 minutes (or 1 GB)
    s.put("checkpoint_timeout", "15min");
    s.put("max_wal_size", "2GB");
    // log segments kept for reuse, so that none is created (and zero-filled) under load
    s.put("min_wal_size", "512MB");
    s.put("checkpoint_completion_target", "0.9");
    // full-page images (the first change of a page after a checkpoint) compressed
    s.put("wal_compression", "on");
    s.put("wal_buffers", "16MB");
    // the journal table gets a vacuum after every 10 000 dead rows (its storage settings); the
    // launcher looks every 10 s instead of every minute
    s.put("autovacuum", "on");
    s.put("autovacuum_naptime", "10s");
    return s;
  }
}
