package dev.tierbus.topology.impl;

import static dev.tierbus.config.ValueKind.INT;
import static dev.tierbus.config.ValueKind.LONG;
import static dev.tierbus.config.ValueKind.STRING;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.KeyTable;
import dev.tierbus.journal.JournalOptions;
import io.vertx.core.json.JsonObject;

/**
 * Reads the topology's {@code journal} section (where the reliable tier keeps its journal)
 * into {@link JournalOptions}; every key is checked with its path. See
 * {@link JournalOptions} for what each key means.
 */
public final class JournalSection {

  private static final KeyTable<JournalOptions> SECTION = KeyTable.<JournalOptions>of()
      .value("store", STRING, (o, v, at) -> o.setStore(JournalOptions.Store.fromName((String) v)))
      .value("url", STRING, (o, v, at) -> o.setUrl((String) v))
      .value("host", STRING, (o, v, at) -> o.setHost((String) v))
      .value("port", INT, (o, v, at) -> o.setPort((Integer) v))
      .value("database", STRING, (o, v, at) -> o.setDatabase((String) v))
      .value("user", STRING, (o, v, at) -> o.setUser((String) v))
      .value("password", STRING, (o, v, at) -> o.setPassword((String) v))
      .value("schema", STRING, (o, v, at) -> o.setSchema((String) v))
      .value("pool_size", INT, (o, v, at) -> o.setPoolSize((Integer) v))
      .value("node_id", STRING, (o, v, at) -> o.setNodeId((String) v))
      .value("lease_ms", LONG, (o, v, at) -> o.setLeaseMs((Long) v))
      .value("retention_ms", LONG, (o, v, at) -> o.setRetentionMs((Long) v))
      .value("reconnect_interval_ms", LONG, (o, v, at) -> o.setReconnectIntervalMs((Long) v))
      .value("data_dir", STRING, (o, v, at) -> o.setDataDir((String) v))
      .value("embedded_port", INT, (o, v, at) -> o.setEmbeddedPort((Integer) v));

  private JournalSection() {}

  /** The JSON Schema of {@code journal}. */
  public static JsonObject jsonSchema() {
    return SECTION.jsonSchema();
  }

  /**
   * Checks {@code section} ({@code journal}, may be absent); returns the section as written
   * (for {@link JournalOptions#fromJson}), or an empty object when absent or bad.
   */
  public static JsonObject read(ConfigValue section) {
    if (!section.isPresent()) {
      return new JsonObject();
    }
    int before = section.problems().count();
    SECTION.read(section, new JournalOptions());
    if (section.problems().count() > before) {
      return new JsonObject();
    }
    JsonObject json = section.map();
    if (json.containsKey("url") && json.containsKey("host")) {
      section.child("host").problem("give either url or host (with port, database, user), not both");
    }
    return json;
  }
}
