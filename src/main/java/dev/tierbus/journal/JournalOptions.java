package dev.tierbus.journal;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the reliable tier keeps its journal (the topology's {@code journal} section).
 *
 * <p>Durability levels ({@link Store}):
 * <ul>
 *   <li>{@link Store#POSTGRESQL}: every acknowledged publish is committed with
 *       {@code synchronous_commit} on before its Future completes; a crash of the process,
 *       the node or PostgreSQL's host loses nothing acknowledged (PostgreSQL's own fsync
 *       settings permitting).</li>
 *   <li>{@link Store#MEMORY}: the journal lives in the JVM's heap. Confirmation, retries and
 *       dead letters work as with PostgreSQL, but a crash loses every undelivered event. For
 *       backtests and tests, which can be re-run from their input.</li>
 * </ul>
 *
 * <p>PostgreSQL is found, in this order: {@code url} ({@code postgresql://user:password@host:port/db}),
 * the {@code host}/{@code port}/{@code database}/{@code user}/{@code password} keys, the
 * standard {@code PGHOST}/{@code PGPORT}/{@code PGDATABASE}/{@code PGUSER}/{@code PGPASSWORD}
 * environment variables. When none of these is set, {@link #isConfigured()} is false and the
 * {@code run} command starts an embedded PostgreSQL in {@link #getDataDir()}.
 */
public final class JournalOptions {

  /** Where the journal is kept; see the class documentation for what each can lose. */
  public enum Store {
    POSTGRESQL("postgresql"),
    MEMORY("memory");

    private final String configName;

    Store(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    public static Store fromName(String name) {
      for (Store s : values()) {
        if (s.configName.equalsIgnoreCase(name == null ? "" : name.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown journal store '" + name + "', expected postgresql or memory");
    }
  }

  public static final String DEFAULT_SCHEMA = "tierbus";
  public static final int DEFAULT_PORT = 5432;
  public static final String DEFAULT_DATABASE = "postgres";
  public static final String DEFAULT_USER = "postgres";
  public static final int DEFAULT_POOL_SIZE = 6;
  public static final long DEFAULT_LEASE_MS = 30_000;
  public static final long DEFAULT_RETENTION_MS = 0;
  public static final long DEFAULT_RECONNECT_INTERVAL_MS = 1_000;
  public static final String DEFAULT_DATA_DIR = "data/journal";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Store store = Store.POSTGRESQL;
  private String host;
  private int port = DEFAULT_PORT;
  private String database;
  private String user;
  private String password;
  private String schema = DEFAULT_SCHEMA;
  private int poolSize = DEFAULT_POOL_SIZE;
  private String nodeId;
  private long leaseMs = DEFAULT_LEASE_MS;
  private long retentionMs = DEFAULT_RETENTION_MS;
  private long reconnectIntervalMs = DEFAULT_RECONNECT_INTERVAL_MS;
  private String dataDir = DEFAULT_DATA_DIR;
  private int embeddedPort;

  public Store getStore() {
    return store;
  }

  public JournalOptions setStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** The PostgreSQL host, or null when none is configured. */
  public String getHost() {
    return host;
  }

  public JournalOptions setHost(String host) {
    this.host = host == null || host.isBlank() ? null : host.trim();
    return this;
  }

  public int getPort() {
    return port;
  }

  public JournalOptions setPort(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
    }
    this.port = port;
    return this;
  }

  public String getDatabase() {
    return database == null ? DEFAULT_DATABASE : database;
  }

  public JournalOptions setDatabase(String database) {
    this.database = database;
    return this;
  }

  public String getUser() {
    return user == null ? DEFAULT_USER : user;
  }

  public JournalOptions setUser(String user) {
    this.user = user;
    return this;
  }

  public String getPassword() {
    return password;
  }

  public JournalOptions setPassword(String password) {
    this.password = password;
    return this;
  }

  /** The PostgreSQL schema the journal's tables live in. */
  public String getSchema() {
    return schema;
  }

  public JournalOptions setSchema(String schema) {
    if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63"
          + " characters), was '" + schema + "'");
    }
    this.schema = schema;
    return this;
  }

  public int getPoolSize() {
    return poolSize;
  }

  public JournalOptions setPoolSize(int poolSize) {
    if (poolSize < 2 || poolSize > 256) {
      throw new IllegalArgumentException("pool_size must be in [2, 256], was " + poolSize);
    }
    this.poolSize = poolSize;
    return this;
  }

  /**
   * The name this node's journal rows are owned by; unique among the live nodes sharing a
   * journal and stable across restarts (a restarted node takes its own rows back at once).
   * Defaults to the host name.
   */
  public String getNodeId() {
    if (nodeId != null) {
      return nodeId;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  public JournalOptions setNodeId(String nodeId) {
    if (nodeId != null && (nodeId.isBlank() || nodeId.length() > 200)) {
      throw new IllegalArgumentException("node_id must be 1 to 200 characters, was '" + nodeId + "'");
    }
    this.nodeId = nodeId;
    return this;
  }

  /** How long a node's claim on its undelivered rows outlives its last renewal. */
  public long getLeaseMs() {
    return leaseMs;
  }

  public JournalOptions setLeaseMs(long leaseMs) {
    if (leaseMs < 1_000) {
      throw new IllegalArgumentException("lease_ms must be >= 1000, was " + leaseMs);
    }
    this.leaseMs = leaseMs;
    return this;
  }

  /**
   * How long delivered rows stay in the journal before they are purged. 0 (the default): a
   * confirmation deletes its row, so the journal holds only what is pending, dead or
   * discarded, and writes about half the write-ahead log per event; above 0, confirmed rows
   * are marked delivered (status 2) and purged that long after, in small batches.
   */
  public long getRetentionMs() {
    return retentionMs;
  }

  public JournalOptions setRetentionMs(long retentionMs) {
    if (retentionMs < 0) {
      throw new IllegalArgumentException("retention_ms must be >= 0, was " + retentionMs);
    }
    this.retentionMs = retentionMs;
    return this;
  }

  /** How often an unreachable journal is tried again. */
  public long getReconnectIntervalMs() {
    return reconnectIntervalMs;
  }

  public JournalOptions setReconnectIntervalMs(long reconnectIntervalMs) {
    if (reconnectIntervalMs < 10) {
      throw new IllegalArgumentException("reconnect_interval_ms must be >= 10, was " + reconnectIntervalMs);
    }
    this.reconnectIntervalMs = reconnectIntervalMs;
    return this;
  }

  /** Data directory of the embedded PostgreSQL (kept across restarts). */
  public String getDataDir() {
    return dataDir;
  }

  public JournalOptions setDataDir(String dataDir) {
    if (dataDir == null || dataDir.isBlank()) {
      throw new IllegalArgumentException("data_dir must not be empty");
    }
    this.dataDir = dataDir;
    return this;
  }

  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  public int getEmbeddedPort() {
    return embeddedPort;
  }

  public JournalOptions setEmbeddedPort(int embeddedPort) {
    if (embeddedPort < 0 || embeddedPort > 65_535) {
      throw new IllegalArgumentException("embedded port must be in [0, 65535], was " + embeddedPort);
    }
    this.embeddedPort = embeddedPort;
    return this;
  }

  /** True when a PostgreSQL server is named (or the store is in memory): no embedded server needed. */
  public boolean isConfigured() {
    return store == Store.MEMORY || host != null;
  }

  /**
   * Parses {@code postgresql://[user[:password]@]host[:port][/database]} (also {@code postgres://}
   * and a {@code jdbc:} prefix) into the connection fields.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  public JournalOptions setUrl(String url) {
    Objects.requireNonNull(url, "url");
    String u = url.trim();
    if (u.startsWith("jdbc:")) {
      u = u.substring(5);
    }
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: '" + url + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new IllegalArgumentException("journal url must start with postgresql://, was '" + url + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("journal url names no host: '" + url + "'");
    }
    setHost(uri.getHost());
    if (uri.getPort() != -1) {
      setPort(uri.getPort());
    }
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      setDatabase(path.substring(1));
    }
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      setUser(decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) {
        setPassword(decode(info.substring(colon + 1)));
      }
    }
    return this;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * Fills the connection fields not set yet from the standard libpq environment variables
   * ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}).
   */
  public JournalOptions applyEnvironment(Map<String, String> env) {
    if (store == Store.MEMORY || host != null) {
      return this;
    }
    String h = env.get("PGHOST");
    if (h == null || h.isBlank()) {
      return this;
    }
    if (h.startsWith("/")) {
      throw new IllegalArgumentException("PGHOST=" + h + " names a Unix socket directory; the journal connects over TCP:"
          + " set PGHOST to a host name or address");
    }
    setHost(h);
    String p = env.get("PGPORT");
    if (p != null && !p.isBlank()) {
      try {
        setPort(Integer.parseInt(p.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("PGPORT must be a port number, was '" + p + "'");
      }
    }
    if (database == null && env.get("PGDATABASE") != null) {
      setDatabase(env.get("PGDATABASE"));
    }
    if (user == null && env.get("PGUSER") != null) {
      setUser(env.get("PGUSER"));
    }
    if (password == null && env.get("PGPASSWORD") != null) {
      setPassword(env.get("PGPASSWORD"));
    }
    return this;
  }

  /** Where the journal is, without the password: {@code postgresql://user@host:port/db (schema s)}. */
  public String describe() {
    if (store == Store.MEMORY) {
      return "memory (not durable)";
    }
    if (host == null) {
      return "postgresql (not configured: embedded server in " + dataDir + ")";
    }
    return "postgresql://" + getUser() + "@" + host + ":" + port + "/" + getDatabase() + " (schema " + schema + ")";
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("store", store.configName())
        .put("port", port)
        .put("schema", schema)
        .put("pool_size", poolSize)
        .put("lease_ms", leaseMs)
        .put("retention_ms", retentionMs)
        .put("reconnect_interval_ms", reconnectIntervalMs)
        .put("data_dir", dataDir)
        .put("embedded_port", embeddedPort);
    if (host != null) json.put("host", host);
    if (database != null) json.put("database", database);
    if (user != null) json.put("user", user);
    if (password != null) json.put("password", password);
    if (nodeId != null) json.put("node_id", nodeId);
    return json;
  }

  /** Reads the keys of {@link #toJson()} (and {@code url}); absent keys keep their defaults. */
  public static JournalOptions fromJson(JsonObject json) {
    JournalOptions o = new JournalOptions();
    if (json.containsKey("store")) o.setStore(Store.fromName(json.getString("store")));
    if (json.containsKey("url")) o.setUrl(json.getString("url"));
    if (json.containsKey("host")) o.setHost(json.getString("host"));
    if (json.containsKey("port")) o.setPort(json.getInteger("port"));
    if (json.containsKey("database")) o.setDatabase(json.getString("database"));
    if (json.containsKey("user")) o.setUser(json.getString("user"));
    if (json.containsKey("password")) o.setPassword(json.getString("password"));
    if (json.containsKey("schema")) o.setSchema(json.getString("schema"));
    if (json.containsKey("pool_size")) o.setPoolSize(json.getInteger("pool_size"));
    if (json.containsKey("node_id")) o.setNodeId(json.getString("node_id"));
    if (json.containsKey("lease_ms")) o.setLeaseMs(json.getLong("lease_ms"));
    if (json.containsKey("retention_ms")) o.setRetentionMs(json.getLong("retention_ms"));
    if (json.containsKey("reconnect_interval_ms")) o.setReconnectIntervalMs(json.getLong("reconnect_interval_ms"));
    if (json.containsKey("data_dir")) o.setDataDir(json.getString("data_dir"));
    if (json.containsKey("embedded_port")) o.setEmbeddedPort(json.getInteger("embedded_port"));
    return o;
  }

  /** A copy. */
  public JournalOptions copy() {
    return fromJson(toJson());
  }
}
