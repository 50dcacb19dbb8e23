package dev.tierbus.api;

import dev.tierbus.event.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a node's HTTP server (API, WebSocket stream, dashboard, metrics): the topology's
 * {@code http} section maps onto these ({@link #fromJson}), the command line's
 * {@code --http-port} overrides the port.
 */
public final class ApiOptions {

  public static final boolean DEFAULT_ENABLED = true;
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final boolean DEFAULT_AUTH_READS = false;
  /** Server verticles sharing the port, one per event loop: by default one per core. */
  public static final int DEFAULT_INSTANCES = Math.max(1, Runtime.getRuntime().availableProcessors());
  public static final long DEFAULT_PING_INTERVAL_MS = 15_000;
  public static final int DEFAULT_MAX_PENDING_FRAMES = 256;
  public static final int DEFAULT_MAX_CLIENTS = 5_000;
  public static final long DEFAULT_AUTH_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_MAX_UNAUTHENTICATED = 64;
  public static final int DEFAULT_MAX_SUBSCRIPTIONS = 64;
  public static final int DEFAULT_MAX_FRAME_BYTES = 65_536;
  /** Smallest {@code max_frame_bytes}: a subscribe naming a few dozen symbols must fit. */
  public static final int MIN_MAX_FRAME_BYTES = 1_024;
  /** Largest {@code max_frame_bytes}: the server holds a whole message before reading it. */
  public static final int MAX_MAX_FRAME_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_HISTORY_SIZE = 500;
  /** Largest {@code history_size}: events kept per type, each held in memory. */
  public static final int MAX_HISTORY_SIZE = 10_000;
  public static final Set<EventType> DEFAULT_HISTORY_EVENTS =
      Set.copyOf(EnumSet.of(EventType.SIGNAL, EventType.ORDER, EventType.FILL, EventType.PORTFOLIO_UPDATE));
  /** How long {@code POST /api/events} remembers a client's event id: 10 minutes. */
  public static final long DEFAULT_IDEMPOTENCY_WINDOW_MS = 600_000;
  /** Event ids remembered at most (about 200 bytes each): beyond it a new id is refused with 503. */
  public static final int DEFAULT_IDEMPOTENCY_MAX_KEYS = 100_000;

  private boolean enabled = DEFAULT_ENABLED;
  private int port = DEFAULT_PORT;
  private String host = DEFAULT_HOST;
  private String token;
  private boolean authReads = DEFAULT_AUTH_READS;
  private List<String> corsOrigins = List.of();
  private int instances = DEFAULT_INSTANCES;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private int maxPendingFrames = DEFAULT_MAX_PENDING_FRAMES;
  private int maxClients = DEFAULT_MAX_CLIENTS;
  private long authTimeoutMs = DEFAULT_AUTH_TIMEOUT_MS;
  private int maxUnauthenticated = DEFAULT_MAX_UNAUTHENTICATED;
  private int maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS;
  private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
  private int historySize = DEFAULT_HISTORY_SIZE;
  private Set<EventType> historyEvents = DEFAULT_HISTORY_EVENTS;
  private List<String> apiPublishers = List.of();
  private long idempotencyWindowMs = DEFAULT_IDEMPOTENCY_WINDOW_MS;
  private int idempotencyMaxKeys = DEFAULT_IDEMPOTENCY_MAX_KEYS;

  public ApiOptions() {}

  public ApiOptions(ApiOptions other) {
    this(other.toJson());
  }

  /** From the topology's {@code http} section (checked by the topology validator). */
  public ApiOptions(JsonObject json) {
    enabled = json.getBoolean("enabled", DEFAULT_ENABLED);
    port = json.getInteger("port", DEFAULT_PORT);
    host = json.getString("host", DEFAULT_HOST);
    token = json.getString("token");
    authReads = json.getBoolean("auth_reads", DEFAULT_AUTH_READS);
    Object cors = json.getValue("cors");
    if (cors instanceof String s) {
      corsOrigins = List.of(s);
    } else if (cors instanceof JsonArray a) {
      List<String> origins = new ArrayList<>();
      a.forEach(o -> origins.add(String.valueOf(o)));
      corsOrigins = List.copyOf(origins);
    }
    instances = json.getInteger("instances", DEFAULT_INSTANCES);
    if (json.getValue("api_publishers") instanceof JsonArray publishers) {
      List<String> names = new ArrayList<>();
      publishers.forEach(o -> names.add(String.valueOf(o)));
      apiPublishers = List.copyOf(names);
    }
    idempotencyWindowMs = json.getLong("idempotency_window_ms", DEFAULT_IDEMPOTENCY_WINDOW_MS);
    idempotencyMaxKeys = json.getInteger("idempotency_max_keys", DEFAULT_IDEMPOTENCY_MAX_KEYS);
    JsonObject ws = json.getJsonObject("websocket", new JsonObject());
    pingIntervalMs = ws.getLong("ping_interval_ms", DEFAULT_PING_INTERVAL_MS);
    maxPendingFrames = ws.getInteger("max_pending_frames", DEFAULT_MAX_PENDING_FRAMES);
    maxClients = ws.getInteger("max_clients", DEFAULT_MAX_CLIENTS);
    authTimeoutMs = ws.getLong("auth_timeout_ms", DEFAULT_AUTH_TIMEOUT_MS);
    maxUnauthenticated = ws.getInteger("max_unauthenticated", DEFAULT_MAX_UNAUTHENTICATED);
    maxSubscriptions = ws.getInteger("max_subscriptions", DEFAULT_MAX_SUBSCRIPTIONS);
    maxFrameBytes = ws.getInteger("max_frame_bytes", DEFAULT_MAX_FRAME_BYTES);
    historySize = ws.getInteger("history_size", DEFAULT_HISTORY_SIZE);
    JsonArray types = ws.getJsonArray("history_events");
    if (types != null) {
      Set<EventType> set = EnumSet.noneOf(EventType.class);
      types.forEach(t -> set.add(EventType.fromName(String.valueOf(t))));
      historyEvents = Set.copyOf(set);
    }
  }

  public static ApiOptions fromJson(JsonObject json) {
    return new ApiOptions(json == null ? new JsonObject() : json);
  }

  /** The {@code http} section these options come from (the token left out when unset). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("enabled", enabled)
        .put("port", port)
        .put("host", host)
        .put("auth_reads", authReads)
        .put("cors", new JsonArray(corsOrigins))
        .put("instances", instances)
        .put("api_publishers", new JsonArray(apiPublishers))
        .put("idempotency_window_ms", idempotencyWindowMs)
        .put("idempotency_max_keys", idempotencyMaxKeys)
        .put("websocket", new JsonObject()
            .put("ping_interval_ms", pingIntervalMs)
            .put("max_pending_frames", maxPendingFrames)
            .put("max_clients", maxClients)
            .put("auth_timeout_ms", authTimeoutMs)
            .put("max_unauthenticated", maxUnauthenticated)
            .put("max_subscriptions", maxSubscriptions)
            .put("max_frame_bytes", maxFrameBytes)
            .put("history_size", historySize)
            .put("history_events", new JsonArray(historyEvents.stream().sorted().map(Enum::name).toList())));
    if (token != null) {
      json.put("token", token);
    }
    return json;
  }

  /**
   * Checks every value at once.
   *
   * @throws IllegalArgumentException naming each bad value
   */
  public ApiOptions validate() {
    List<String> bad = new ArrayList<>();
    if (port < 0 || port > 65_535) {
      bad.add("port must be in [0, 65535], was " + port);
    }
    if (host == null || host.isBlank()) {
      bad.add("host must not be blank");
    }
    if (token != null && token.isBlank()) {
      bad.add("token must not be blank (leave it unset to have one generated)");
    }
    if (instances < 1) {
      bad.add("instances must be >= 1, was " + instances);
    }
    for (String p : apiPublishers) {
      if (p == null || p.isBlank()) {
        bad.add("api_publishers must hold source names, not a blank one");
      }
    }
    if (idempotencyWindowMs < 0) {
      bad.add("idempotency_window_ms must be >= 0 (0: no idempotency), was " + idempotencyWindowMs);
    }
    if (idempotencyMaxKeys < 1) {
      bad.add("idempotency_max_keys must be >= 1, was " + idempotencyMaxKeys);
    }
    if (pingIntervalMs < 100) {
      bad.add("websocket.ping_interval_ms must be >= 100, was " + pingIntervalMs);
    }
    if (maxPendingFrames < 1) {
      bad.add("websocket.max_pending_frames must be >= 1, was " + maxPendingFrames);
    }
    if (maxClients < 1) {
      bad.add("websocket.max_clients must be >= 1, was " + maxClients);
    }
    if (authTimeoutMs < 100) {
      bad.add("websocket.auth_timeout_ms must be >= 100, was " + authTimeoutMs);
    }
    if (maxUnauthenticated < 1) {
      bad.add("websocket.max_unauthenticated must be >= 1, was " + maxUnauthenticated);
    }
    if (maxSubscriptions < 1) {
      bad.add("websocket.max_subscriptions must be >= 1, was " + maxSubscriptions);
    }
    if (maxFrameBytes < MIN_MAX_FRAME_BYTES || maxFrameBytes > MAX_MAX_FRAME_BYTES) {
      bad.add("websocket.max_frame_bytes must be in [" + MIN_MAX_FRAME_BYTES + ", " + MAX_MAX_FRAME_BYTES + "], was "
          + maxFrameBytes);
    }
    if (historySize < 0 || historySize > MAX_HISTORY_SIZE) {
      bad.add("websocket.history_size must be in [0, " + MAX_HISTORY_SIZE + "], was " + historySize);
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("bad HTTP options: " + String.join("; ", bad));
    }
    return this;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public ApiOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  public int getPort() {
    return port;
  }

  /** The port to listen on; 0 for any free port ({@link ApiServer#port()} tells which). */
  public ApiOptions setPort(int port) {
    this.port = port;
    return this;
  }

  public String getHost() {
    return host;
  }

  public ApiOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The bearer token of mutating calls, or null to have the server generate one. */
  public String getToken() {
    return token;
  }

  public ApiOptions setToken(String token) {
    this.token = token;
    return this;
  }

  /** Whether reads (GET, {@code /metrics}, the WebSocket) need the token too; {@code /health} never does. */
  public boolean isAuthReads() {
    return authReads;
  }

  public ApiOptions setAuthReads(boolean authReads) {
    this.authReads = authReads;
    return this;
  }

  public List<String> getCorsOrigins() {
    return corsOrigins;
  }

  /** Origins allowed to call the API from a browser page they serve ({@code *} for any); none by default. */
  public ApiOptions setCorsOrigins(List<String> corsOrigins) {
    this.corsOrigins = List.copyOf(corsOrigins);
    return this;
  }

  public int getInstances() {
    return instances;
  }

  public ApiOptions setInstances(int instances) {
    this.instances = instances;
    return this;
  }

  public List<String> getApiPublishers() {
    return apiPublishers;
  }

  /**
   * Sources that {@code POST /api/events} may publish as although no deployed container of
   * that id declares the event's type (an operator's console, a test harness); none by default.
   */
  public ApiOptions setApiPublishers(List<String> apiPublishers) {
    this.apiPublishers = List.copyOf(apiPublishers);
    return this;
  }

  public long getIdempotencyWindowMs() {
    return idempotencyWindowMs;
  }

  /**
   * How long, from its first POST, an event posted with an {@code id} is remembered per
   * (source, id): a POST with the same key and body in that time answers as the first did
   * without publishing again; with another body it is 409. 0 turns this off.
   */
  public ApiOptions setIdempotencyWindowMs(long idempotencyWindowMs) {
    this.idempotencyWindowMs = idempotencyWindowMs;
    return this;
  }

  public int getIdempotencyMaxKeys() {
    return idempotencyMaxKeys;
  }

  /** The most (source, id) keys remembered at once; a POST with a new key beyond it is 503. */
  public ApiOptions setIdempotencyMaxKeys(int idempotencyMaxKeys) {
    this.idempotencyMaxKeys = idempotencyMaxKeys;
    return this;
  }

  public long getPingIntervalMs() {
    return pingIntervalMs;
  }

  /** How often a WebSocket client is pinged; one that has not answered for 3 intervals is closed. */
  public ApiOptions setPingIntervalMs(long pingIntervalMs) {
    this.pingIntervalMs = pingIntervalMs;
    return this;
  }

  public int getMaxPendingFrames() {
    return maxPendingFrames;
  }

  /**
   * Frames a WebSocket client may have waiting in order before it is conflated: from then on
   * only the latest event per (symbol, type) is kept for it, and the next frame carries how
   * many were dropped.
   */
  public ApiOptions setMaxPendingFrames(int maxPendingFrames) {
    this.maxPendingFrames = maxPendingFrames;
    return this;
  }

  public int getMaxClients() {
    return maxClients;
  }

  /**
   * WebSocket clients at once that may read (with {@link #isAuthReads()}: that have given the
   * token); one more is refused with 503.
   */
  public ApiOptions setMaxClients(int maxClients) {
    this.maxClients = maxClients;
    return this;
  }

  public long getAuthTimeoutMs() {
    return authTimeoutMs;
  }

  /**
   * With {@link #isAuthReads()}: how long a WebSocket client that connected without the token
   * has to send it; then it gets an error frame and is closed (1008).
   */
  public ApiOptions setAuthTimeoutMs(long authTimeoutMs) {
    this.authTimeoutMs = authTimeoutMs;
    return this;
  }

  public int getMaxUnauthenticated() {
    return maxUnauthenticated;
  }

  /**
   * With {@link #isAuthReads()}: WebSocket clients at once that have not sent the token yet.
   * They never count against {@link #getMaxClients()}; one more is refused with 503 (a client
   * connecting with {@code ?token=} is not affected).
   */
  public ApiOptions setMaxUnauthenticated(int maxUnauthenticated) {
    this.maxUnauthenticated = maxUnauthenticated;
    return this;
  }

  public int getMaxSubscriptions() {
    return maxSubscriptions;
  }

  /** Subscriptions one WebSocket client may hold; one more gets an error frame (the connection stays). */
  public ApiOptions setMaxSubscriptions(int maxSubscriptions) {
    this.maxSubscriptions = maxSubscriptions;
    return this;
  }

  public int getMaxFrameBytes() {
    return maxFrameBytes;
  }

  /**
   * Largest message a WebSocket client may send, as one frame or fragmented; a bigger one gets
   * an error frame and the connection is closed (1009). Also the size of the frames the server
   * writes: a longer message goes out fragmented.
   */
  public ApiOptions setMaxFrameBytes(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
    return this;
  }

  public int getHistorySize() {
    return historySize;
  }

  /**
   * Events the WebSocket hub keeps per event type for a subscribe that asks for history
   * ({@code "history": n}, at most this many); 0 keeps none (and asks for none).
   */
  public ApiOptions setHistorySize(int historySize) {
    this.historySize = historySize;
    return this;
  }

  public Set<EventType> getHistoryEvents() {
    return historyEvents;
  }

  /**
   * Event types the WebSocket hub follows from the start, with or without clients, so their
   * history is there when a client asks (other types: only while a client subscribes). The
   * hub is a subscriber of the router for them: a reliable-tier type among them is journalled
   * for it too.
   */
  public ApiOptions setHistoryEvents(Set<EventType> historyEvents) {
    this.historyEvents = Set.copyOf(historyEvents);
    return this;
  }
}
