package dev.tierbus.topology.impl;

import static dev.tierbus.config.ValueKind.BOOL;
import static dev.tierbus.config.ValueKind.INT;
import static dev.tierbus.config.ValueKind.INTEGERS;
import static dev.tierbus.config.ValueKind.LONG;
import static dev.tierbus.config.ValueKind.NUMBER;
import static dev.tierbus.config.ValueKind.STRING;
import static dev.tierbus.config.ValueKind.STRINGS;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.KeyTable;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.RouterOptions;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code event_router} (the design document's "Tiered Router Performance
 * Configuration") into {@link RouterOptions}.
 *
 * <p>Mapped keys: fast {@code optimizations.batching.batch_size / max_batch_age_ms},
 * {@code optimizations.backpressure.max_pending_batches}; standard
 * {@code optimizations.async_delivery.queue_size / max_concurrent_deliveries},
 * {@code optimizations.batching.batch_size} (drain batch); reliable
 * {@code guarantees.retry_attempts}, {@code optimizations.retry.base_delay_ms / max_delay_ms /
 * backoff_multiplier}, {@code optimizations.persistence.commit_batch_rows / max_concurrent_commits},
 * {@code optimizations.delivery.timeout_ms / batch_size / max_in_flight}; each tier's {@code events} (the node-wide tier of those types);
 * {@code drain_timeout_ms}. Keys that describe things the JVM does not let us control (memory,
 * thread pinning, the journal's storage engine) are accepted with a warning.
 */
public final class RouterSection {

  /** What the router section produces. */
  public static final class Build {
    final RouterOptions options = new RouterOptions();
    final Map<EventType, String> listedAt = new EnumMap<>(EventType.class);
    String containerId;

    public RouterOptions options() {
      return options;
    }

    /** {@code event_router.container_id}, or null. */
    public String containerId() {
      return containerId;
    }
  }

  private static final String ALWAYS_BY_REFERENCE =
      "in-JVM fast batches are always passed by reference; across nodes they are one binary message";
  private static final String JVM_MEMORY =
      "the JVM manages memory; batches are sized by batch_size and queues by queue_size";
  private static final String JVM_THREADS =
      "Vert.x event loops and worker pools schedule the work; threads are not pinned or prioritised";
  private static final String METRICS_ALWAYS_ON =
      "per-tier latency, throughput and queue depths are always recorded";

  private static final KeyTable<Build> MONITORING = KeyTable.<Build>of()
      .value("track_latency", BOOL)
      .value("track_throughput", BOOL)
      .value("track_queue_depths", BOOL)
      .value("track_delivery_status", BOOL)
      .value("alert_on_failures", BOOL)
      .value("performance_log_interval_sec", LONG)
      .value("health_check_interval_ms", LONG);

  private static final KeyTable<Build> MEMORY = KeyTable.<Build>of()
      .value("in_memory_only", BOOL)
      .value("pre_allocate_buffers", BOOL)
      .value("buffer_size_mb", NUMBER);

  private static final KeyTable<Build> THREADING = KeyTable.<Build>of()
      .value("dedicated_thread", BOOL)
      .value("thread_priority", STRING)
      .value("cpu_affinity", INTEGERS);

  private static final KeyTable<Build> FILTERING = KeyTable.<Build>of()
      .value("enabled", BOOL)
      .value("compile_filters", BOOL)
      .value("filter_cache_size", INT);

  private static final KeyTable<Build> FAST_OPTIMIZATIONS = KeyTable.<Build>of()
      .section("batching", KeyTable.<Build>of()
          .value("enabled", BOOL, warnIfFalse("the fast tier always batches; batch_size: 1 sends every event alone"))
          .value("batch_size", INT, (b, v, at) -> b.options.getFast().setBatchSize((Integer) v))
          .value("max_batch_age_ms", LONG, (b, v, at) -> b.options.getFast().setMaxBatchAgeMs((Long) v))
          .noEffect("zero_copy_delivery", BOOL, ALWAYS_BY_REFERENCE))
      .section("backpressure", KeyTable.<Build>of()
          .value("max_pending_batches", INT, (b, v, at) -> b.options.getFast().setMaxPendingBatches((Integer) v)))
      .noEffectSection("memory", MEMORY, JVM_MEMORY)
      .noEffectSection("threading", THREADING, JVM_THREADS)
      .noEffectSection("filtering", FILTERING, "filters are always compiled once, at subscribe time")
      .noEffectSection("monitoring", MONITORING, METRICS_ALWAYS_ON);

  private static final KeyTable<Build> STANDARD_OPTIMIZATIONS = KeyTable.<Build>of()
      .section("batching", KeyTable.<Build>of()
          .value("enabled", BOOL)
          .value("batch_size", INT, (b, v, at) -> b.options.getStandard().setDrainBatchSize((Integer) v))
          .noEffect("max_batch_age_ms", LONG,
              "standard-tier events are handed to the worker pool as soon as they are queued")
          .noEffect("intelligent_batching", BOOL,
              "a subscription handles up to batch_size queued events per turn"))
      .noEffectSection("filtering", FILTERING, "filters are always compiled once, at subscribe time")
      .section("async_delivery", KeyTable.<Build>of()
          .value("enabled", BOOL, warnIfFalse("standard-tier delivery is always asynchronous, on a worker pool"))
          .value("max_concurrent_deliveries", INT,
              (b, v, at) -> b.options.getStandard().setMaxConcurrentDeliveries((Integer) v))
          .value("queue_size", INT, (b, v, at) -> b.options.getStandard().setQueueSize((Integer) v)))
      .noEffectSection("memory", MEMORY, JVM_MEMORY)
      .noEffectSection("threading", THREADING, JVM_THREADS)
      .noEffectSection("monitoring", MONITORING, METRICS_ALWAYS_ON);

  private static final KeyTable<Build> RELIABLE_GUARANTEES = KeyTable.<Build>of()
      .value("persistent_queue", BOOL, warnIfFalse("the reliable tier always journals before delivering"))
      .value("retry_attempts", INT, (b, v, at) -> b.options.getReliable().setRetryAttempts((Integer) v))
      .value("delivery_confirmation", BOOL, warnIfFalse("the reliable tier always waits for the subscriber's reply"))
      .value("dead_letter_queue", BOOL, warnIfFalse("the reliable tier always dead-letters after the last attempt"));

  private static final KeyTable<Build> RELIABLE_OPTIMIZATIONS = KeyTable.<Build>of()
      .section("persistence", KeyTable.<Build>of()
          .value("storage_type", STRING, (b, v, at) -> {
            if (!"postgresql".equals(((String) v).toLowerCase(Locale.ROOT))) {
              at.warn("accepted, no effect: the journal uses PostgreSQL");
            }
          })
          .noEffect("sync_mode", STRING, "PostgreSQL commits synchronously (synchronous_commit stays on)")
          .noEffect("journal_mode", STRING, "PostgreSQL's write-ahead log is always used")
          .value("commit_batch_rows", INT, (b, v, at) -> b.options.getReliable().setCommitBatchRows((Integer) v))
          .value("max_concurrent_commits", INT,
              (b, v, at) -> b.options.getReliable().setMaxConcurrentCommits((Integer) v)))
      .section("delivery", KeyTable.<Build>of()
          .value("timeout_ms", LONG, (b, v, at) -> b.options.getReliable().setDeliveryTimeoutMs((Long) v))
          .value("batch_size", INT, (b, v, at) -> b.options.getReliable().setDeliveryBatchSize((Integer) v))
          .value("max_in_flight", INT, (b, v, at) -> b.options.getReliable().setMaxInFlight((Integer) v)))
      .section("retry", KeyTable.<Build>of()
          .value("base_delay_ms", LONG, (b, v, at) -> b.options.getReliable().setBaseDelayMs((Long) v))
          .value("max_delay_ms", LONG, (b, v, at) -> b.options.getReliable().setMaxDelayMs((Long) v))
          .value("backoff_multiplier", NUMBER,
              (b, v, at) -> b.options.getReliable().setBackoffMultiplier((Double) v)))
      .noEffectSection("memory", MEMORY, JVM_MEMORY)
      .noEffectSection("threading", THREADING, JVM_THREADS)
      .noEffectSection("monitoring", MONITORING, METRICS_ALWAYS_ON);

  private static final KeyTable<Build> GLOBAL_SETTINGS = KeyTable.<Build>of()
      // metrics are always recorded; performance_log_interval_sec makes the node log them
      .section("monitoring", KeyTable.<Build>of()
          .value("track_latency", BOOL)
          .value("track_throughput", BOOL)
          .value("track_queue_depths", BOOL)
          .value("performance_log_interval_sec", LONG, RouterSection::notNegative))
      .section("health_checks", KeyTable.<Build>of()
          .value("enabled", BOOL)
          .value("check_interval_ms", LONG, RouterSection::positive)
          .section("alert_thresholds", KeyTable.<Build>of()
              .value("max_queue_depth", LONG, RouterSection::notNegative)
              .value("max_latency_ms", NUMBER, RouterSection::notNegative)
              .value("max_error_rate_pct", NUMBER, (b, v, at) -> {
                double d = (Double) v;
                if (d < 0 || d > 100) {
                  throw new IllegalArgumentException("must be in [0, 100], was " + d);
                }
              })))
      .noEffectSection("debugging", KeyTable.<Build>of()
          .value("trace_event_flow", BOOL)
          .value("log_routing_decisions", BOOL)
          .value("dump_routing_table", BOOL),
          "read the routing table with TieredEventRouter.routes() instead");

  private static final KeyTable<Build> SECTION = KeyTable.<Build>of()
      .value("container_id", STRING, (b, v, at) -> b.containerId = (String) v)
      .value("drain_timeout_ms", LONG, (b, v, at) -> b.options.setDrainTimeoutMs((Long) v))
      .section("tiers", KeyTable.<Build>of()
          .section("fast", tier(Tier.FAST).section("optimizations", FAST_OPTIMIZATIONS))
          .section("standard", tier(Tier.STANDARD).section("optimizations", STANDARD_OPTIMIZATIONS))
          .section("reliable", tier(Tier.RELIABLE)
              .section("guarantees", RELIABLE_GUARANTEES)
              .section("optimizations", RELIABLE_OPTIMIZATIONS)))
      .section("global_settings", GLOBAL_SETTINGS);

  private RouterSection() {}

  /** The JSON Schema of {@code event_router}. */
  public static JsonObject jsonSchema() {
    return SECTION.jsonSchema();
  }

  /** Reads {@code section} ({@code event_router}, may be absent) into a new {@link Build}. */
  public static Build read(ConfigValue section) {
    Build build = new Build();
    if (!section.isPresent()) {
      return build;
    }
    int before = section.problems().count();
    SECTION.read(section, build);
    if (section.problems().count() == before) {
      try {
        build.options.getReliable().validate();
      } catch (IllegalArgumentException e) {
        section.problems().add(section.path() + ".tiers.reliable.optimizations.retry", e.getMessage());
      }
    }
    return build;
  }

  /** Keys every tier has: what it is for and which event types travel on it. */
  private static KeyTable<Build> tier(Tier tier) {
    return KeyTable.<Build>of()
        .value("description", STRING)
        .value("target_latency_ms", NUMBER, RouterSection::notNegative)
        .value("events", STRINGS, (b, v, at) -> tierEvents(b, tier, at));
  }

  private static void tierEvents(Build b, Tier tier, ConfigValue events) {
    List<ConfigValue> elements = events.list("a list of event type names");
    for (ConfigValue element : elements) {
      EventType type = ExternalEvents.eventType(element);
      if (type == null) {
        continue;
      }
      String first = b.listedAt.get(type);
      if (first != null && !first.startsWith(events.path() + "[")) {
        element.problem(type + " is already listed under " + first
            + "; an event type travels on one tier per node");
        continue;
      }
      if (first == null) {
        b.listedAt.put(type, element.path());
      }
      b.options.setTier(type, tier);
    }
  }

  private static KeyTable.Effect<Build> warnIfFalse(String why) {
    return (b, v, at) -> {
      if (Boolean.FALSE.equals(v)) {
        at.warn("accepted, no effect: " + why);
      }
    };
  }

  private static void notNegative(Build b, Object v, ConfigValue at) {
    if (((Number) v).doubleValue() < 0) {
      throw new IllegalArgumentException("must be >= 0, was " + v);
    }
  }

  private static void positive(Build b, Object v, ConfigValue at) {
    if (((Number) v).doubleValue() <= 0) {
      throw new IllegalArgumentException("must be > 0, was " + v);
    }
  }
}
