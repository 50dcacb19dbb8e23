package dev.tierbus.topology.impl;

import static dev.tierbus.config.ValueKind.BOOL;
import static dev.tierbus.config.ValueKind.INT;
import static dev.tierbus.config.ValueKind.LIST;
import static dev.tierbus.config.ValueKind.LONG;
import static dev.tierbus.config.ValueKind.STRING;
import static dev.tierbus.config.ValueKind.STRINGS;
import static dev.tierbus.config.ValueKind.STRING_OR_STRINGS;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.KeyTable;
import dev.tierbus.event.EventType;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Reads {@code http}: the node's HTTP API, WebSocket stream and dashboard.
 *
 * <pre>
 * http:
 *   enabled: true            # false: no HTTP server
 *   port: 8080               # 0: any free port
 *   host: "0.0.0.0"
 *   token: "..."             # bearer token of mutating calls (TIERBUS_TOKEN overrides it)
 *   auth_reads: false        # true: reads (GET, the WebSocket) need the token too
 *   cors: ["https://ops.example.com"]   # origins allowed to call the API from a browser, or "*"
 *   instances: 2             # server verticles (event loops) sharing the port
 *   api_publishers: ["operator"]   # sources POST /api/events may publish as without a container declaring the type
 *   idempotency_window_ms: 600000  # how long POST /api/events remembers a client's event id (0: never)
 *   idempotency_max_keys: 100000   # event ids remembered at most
 *   websocket:
 *     ping_interval_ms: 15000    # ping period; a client silent for 3 periods is closed
 *     max_pending_frames: 256    # frames a client may fall behind before it is conflated
 *     max_clients: 5000          # clients that may read (with auth_reads: that gave the token)
 *     auth_timeout_ms: 5000      # with auth_reads: time to send the token, then close 1008
 *     max_unauthenticated: 64    # with auth_reads: clients yet without the token; one more: 503
 *     max_subscriptions: 64      # per client; one more: an error frame
 *     max_frame_bytes: 65536     # largest message from a client; bigger: error frame, close 1009
 *     history_size: 500          # events kept per type for subscribes asking for history (0: none)
 *     history_events: [SIGNAL, ORDER, FILL, PORTFOLIO_UPDATE]   # followed from the start for history
 * </pre>
 *
 * Every key is optional; the HTTP API's options carry the defaults.
 */
public final class HttpSection {

  /** The keys of the section and of its websocket block, with their kinds: read below, and the schema. */
  private static final KeyTable<Void> WEBSOCKET = KeyTable.<Void>of()
      .value("ping_interval_ms", INT)
      .value("max_pending_frames", INT)
      .value("max_clients", INT)
      .value("auth_timeout_ms", INT)
      .value("max_unauthenticated", INT)
      .value("max_subscriptions", INT)
      .value("max_frame_bytes", INT)
      .value("history_size", INT)
      // a list of names; each is checked below (a null one is skipped)
      .value("history_events", LIST).examples("history_events", List.of("SIGNAL", "ORDER", "FILL", "PORTFOLIO_UPDATE"));
  private static final KeyTable<Void> SECTION = KeyTable.<Void>of()
      .value("enabled", BOOL)
      .value("port", INT)
      .value("host", STRING)
      .value("token", STRING)
      .value("auth_reads", BOOL)
      .value("cors", STRING_OR_STRINGS)
      .value("instances", INT)
      .value("api_publishers", STRINGS)
      .value("idempotency_window_ms", LONG)
      .value("idempotency_max_keys", INT)
      .section("websocket", WEBSOCKET);

  public static final List<String> KEYS = SECTION.keys();
  public static final List<String> WEBSOCKET_KEYS = WEBSOCKET.keys();

  private HttpSection() {}

  /** The JSON Schema of {@code http}. */
  public static JsonObject jsonSchema() {
    return SECTION.jsonSchema();
  }

  /** The section (a copy), or an empty map after reporting what is wrong. */
  public static JsonObject read(ConfigValue section) {
    JsonObject map = section.map();
    if (map == null) {
      return new JsonObject();
    }
    int before = section.problems().count();
    section.checkKeys(KEYS);
    section.child("enabled").bool();
    Integer port = section.child("port").integer();
    if (port != null && (port < 0 || port > 65_535)) {
      section.child("port").problem("must be in [0, 65535] (0: any free port), was " + port);
    }
    ConfigValue host = section.child("host");
    if (host.isPresent()) {
      host.requiredString();
    }
    ConfigValue token = section.child("token");
    if (token.isPresent()) {
      String t = token.requiredString();
      if (t != null && t.length() < 16) {
        token.warn("a token of " + t.length() + " characters is easy to guess; use 16 or more");
      }
    }
    section.child("auth_reads").bool();
    ConfigValue cors = section.child("cors");
    List<String> origins = cors.stringOrStrings();
    if (origins != null) {
      for (String o : origins) {
        if (!o.equals("*") && !o.matches("https?://[^/\\s]+")) {
          cors.problem("'" + o + "' is not an origin, expected \"*\" or scheme://host[:port] such as https://ops.example.com");
        }
      }
    }
    atLeast(section.child("instances"), 1);
    ConfigValue publishers = section.child("api_publishers");
    List<String> names = publishers.strings();
    if (names != null) {
      for (String name : names) {
        if (name.isBlank()) {
          publishers.problem("expected source names, got a blank one");
        }
      }
    }
    ConfigValue window = section.child("idempotency_window_ms");
    Long windowMs = window.longValue();
    if (windowMs != null && windowMs < 0) {
      window.problem("must be >= 0 (0: POST /api/events remembers no event id), was " + windowMs);
    }
    atLeast(section.child("idempotency_max_keys"), 1);
    ConfigValue ws = section.child("websocket");
    if (ws.isPresent() && ws.expectMap()) {
      ws.checkKeys(WEBSOCKET_KEYS);
      atLeast(ws.child("ping_interval_ms"), 100);
      atLeast(ws.child("max_pending_frames"), 1);
      atLeast(ws.child("max_clients"), 1);
      atLeast(ws.child("auth_timeout_ms"), 100);
      atLeast(ws.child("max_unauthenticated"), 1);
      atLeast(ws.child("max_subscriptions"), 1);
      within(ws.child("max_frame_bytes"), 1_024, 16 * 1024 * 1024);
      within(ws.child("history_size"), 0, 10_000);
      for (ConfigValue type : ws.child("history_events").list("a list of event types")) {
        String name = type.string();
        if (name != null && !EventType.isKnown(name)) {
          type.problem("unknown event type '" + name + "', expected one of " + List.of(EventType.values()));
        }
      }
    }
    return section.problems().count() > before ? new JsonObject() : map;
  }

  private static void within(ConfigValue at, int min, int max) {
    Integer v = at.integer();
    if (v != null && (v < min || v > max)) {
      at.problem("must be in [" + min + ", " + max + "], was " + v);
    }
  }

  private static void atLeast(ConfigValue at, int min) {
    Integer v = at.integer();
    if (v != null && v < min) {
      at.problem("must be >= " + min + ", was " + v);
    }
  }
}
