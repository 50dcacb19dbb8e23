package dev.tierbus.journal.impl;

import java.util.List;

/**
 * The journal's tables, created and migrated at start: versioned, idempotent, safe when
 * several nodes start at once (the migration holds an advisory lock).
 *
 * <pre>
 * &lt;schema&gt;.journal_version  one row per applied version
 * &lt;schema&gt;.node             node_id PK, lease_until, started_at: who owns pending rows
 * &lt;schema&gt;.delivery         one row per (event, subscriber):
 *     delivery_id bigint PK   epoch &lt;&lt; 40 | counter: grows in publish order on one node
 *     event_id, event_type (EventType.code), source, symbol, subscriber
 *     event bytea             the whole event in the event-bus wire format (EventCodec)
 *     status smallint         DeliveryStatus.code: 1 pending, 2 delivered, 3 dead, 4 discarded
 *     attempts, next_attempt_at, last_error
 *     created_at, delivered_at, dead_at, discarded_at
 *     owner                   node_id of the node that delivers it (see node.lease_until)
 * &lt;schema&gt;.node_epoch       sequence of delivery-id epochs
 * </pre>
 *
 * <p>A confirmed row is deleted, or marked delivered (status 2) and purged later when the
 * journal keeps delivered rows ({@code retention_ms}).
 */
final class JournalSchema {

  static final int VERSION = 2;

  private JournalSchema() {}

  /** Statements that bring a schema from version {@code from} to {@link #VERSION}. */
  static List<String> migrations(String s, int from) {
    List<String> all = new java.util.ArrayList<>();
    if (from < 1) {
      all.addAll(version1(s));
    }
    if (from < 2) {
      all.addAll(version2(s));
    }
    return all;
  }

  /**
   * Version 2: room on each page for a row's next version (fillfactor 90: the confirmation of a
   * kept row stays on its page and logs only what changed), and a vacuum after every 10 000
   * dead rows instead of a fifth of the table: each confirmation leaves one, and vacuuming them
   * a little at a time keeps the table small and its pages for reuse.
   */
  private static List<String> version2(String s) {
    return List.of("ALTER TABLE " + s + ".delivery SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0,"
        + " autovacuum_vacuum_threshold = 10000, autovacuum_analyze_scale_factor = 0,"
        + " autovacuum_analyze_threshold = 10000)");
  }

  private static List<String> version1(String s) {
    return List.of(
        "CREATE SEQUENCE IF NOT EXISTS " + s + ".node_epoch",
        "CREATE TABLE IF NOT EXISTS " + s + ".node ("
            + " node_id text PRIMARY KEY,"
            + " lease_until timestamptz NOT NULL,"
            + " started_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE IF NOT EXISTS " + s + ".delivery ("
            + " delivery_id bigint PRIMARY KEY,"
            + " event_id bigint NOT NULL,"
            + " event_type smallint NOT NULL,"
            + " source text NOT NULL,"
            + " symbol text,"
            + " subscriber text NOT NULL,"
            + " event bytea NOT NULL,"
            + " status smallint NOT NULL,"
            + " attempts integer NOT NULL DEFAULT 0,"
            + " next_attempt_at timestamptz,"
            + " last_error text,"
            + " created_at timestamptz NOT NULL DEFAULT now(),"
            + " delivered_at timestamptz,"
            + " dead_at timestamptz,"
            + " discarded_at timestamptz,"
            + " owner text)",
        "CREATE INDEX IF NOT EXISTS delivery_pending ON " + s + ".delivery (owner, delivery_id) WHERE status = 1",
        "CREATE INDEX IF NOT EXISTS delivery_dead ON " + s + ".delivery (delivery_id) WHERE status = 3",
        "CREATE INDEX IF NOT EXISTS delivery_delivered ON " + s + ".delivery (delivered_at) WHERE status = 2");
  }
}
