package dev.tierbus.journal.impl;

import dev.tierbus.event.EventCodec;
import dev.tierbus.journal.DeadLetter;
import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.JournalOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The journal in PostgreSQL (schema: {@link JournalSchema}), through vertx-pg-client.
 *
 * <p>Appends are one {@code INSERT ... SELECT FROM unnest(arrays)} statement per batch: a
 * single statement is its own transaction, committed with {@code synchronous_commit} as the
 * server has it (on by default; this store never turns it off), so the Future completes after
 * the rows are on disk. Outcomes of a batch (confirmations, failed attempts) are one
 * transaction too. A confirmation deletes the row when {@code retention_ms} is 0 (the default),
 * else marks it delivered; delivered rows are purged after the retention, in small batches.
 */
final class PgJournalStore implements JournalStore {

  private static final EventCodec CODEC = new EventCodec();
  /**
   * Rows one purge statement deletes at most: a short statement (a few ms) that never holds up
   * the commits beside it; the purge runs batch after batch until it has caught up.
   */
  private static final int PURGE_BATCH = 1_000;
  private static final String ROW_COLUMNS =
      "delivery_id, subscriber, event, status, attempts, last_error, created_at, dead_at";

  private final JournalOptions options;
  private final String nodeId;
  private final Pool pool;
  private final String s;
  private final String insertSql;
  /** Confirms rows ({@code ... WHERE delivery_id} follows): deletes them, or marks them delivered when kept. */
  private final String confirmSql;

  PgJournalStore(Vertx vertx, JournalOptions options) {
    this.options = options;
    this.nodeId = options.getNodeId();
    this.s = options.getSchema();
    PgConnectOptions connect = connectOptions(options);
    PoolOptions poolOptions = new PoolOptions()
        .setMaxSize(options.getPoolSize())
        .setConnectionTimeout(5)
        .setConnectionTimeoutUnit(TimeUnit.SECONDS)
        .setName("tierbus-journal-" + System.identityHashCode(this));
    this.pool = PgBuilder.pool().with(poolOptions).connectingTo(connect).using(vertx).build();
    this.insertSql = "INSERT INTO " + s + ".delivery (delivery_id, event_id, event_type, source, symbol, subscriber,"
        + " event, status, owner) SELECT d, e, t, so, sy, su, ev, 1, $8 FROM unnest($1::bigint[], $2::bigint[],"
        + " $3::smallint[], $4::text[], $5::text[], $6::text[], $7::bytea[]) AS u(d, e, t, so, sy, su, ev)";
    // without a retention a confirmed row is deleted: about half the write-ahead log of marking
    // it delivered (no new row version, no index entries) and no purge later
    this.confirmSql = options.getRetentionMs() == 0
        ? "DELETE FROM " + s + ".delivery WHERE delivery_id"
        : "UPDATE " + s + ".delivery SET status = 2, delivered_at = now() WHERE delivery_id";
  }

  /**
   * How the journal's connections connect. Every statement is planned for its own parameters
   * ({@code plan_cache_mode = force_custom_plan}): a cached generic plan is chosen after five
   * executions, and on a new journal table, small and never analyzed, PostgreSQL picked
   * "every pending row, filtered by id" for the confirmation statements: a plan that read more
   * rows with every row journalled (156 ms per statement at 300 000 rows, and it never went
   * away without an ANALYZE), where planning each statement (one per batch) finds the primary key.
   */
  static PgConnectOptions connectOptions(JournalOptions options) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(options.getHost())
        .setPort(options.getPort())
        .setDatabase(options.getDatabase())
        .setUser(options.getUser())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    if (options.getPassword() != null) {
      connect.setPassword(options.getPassword());
    }
    connect.setProperties(java.util.Map.of("application_name", "tierbus-journal",
        "plan_cache_mode", "force_custom_plan"));
    return connect;
  }

  /** The confirmation statement for an array of ids ($1), as the store runs it. */
  String confirmStatement() {
    return confirmSql + " = ANY($1::bigint[]) AND status = 1";
  }

  @Override
  public String describe() {
    return options.describe();
  }

  @Override
  public boolean supportsInbox() {
    return true;
  }

  @Override
  public Future<Long> start() {
    return pool.withTransaction(conn -> conn
            .query("SELECT pg_advisory_xact_lock(hashtext('tierbus.journal." + s + "'))").execute()
            .compose(r -> conn.query("CREATE SCHEMA IF NOT EXISTS " + s).execute())
            .compose(r -> conn.query("CREATE TABLE IF NOT EXISTS " + s + ".journal_version (version integer PRIMARY KEY,"
                + " applied_at timestamptz NOT NULL DEFAULT now())").execute())
            .compose(r -> conn.query("SELECT coalesce(max(version), 0) FROM " + s + ".journal_version").execute())
            .compose(rows -> migrate(conn, rows.iterator().next().getInteger(0))))
        .compose(v -> pool.withTransaction(conn -> conn
            .preparedQuery("INSERT INTO " + s + ".node (node_id, lease_until) VALUES ($1, now() + $2::float8"
                + " * interval '1 millisecond') ON CONFLICT (node_id) DO UPDATE SET lease_until = excluded.lease_until,"
                + " started_at = now()")
            .execute(Tuple.of(nodeId, (double) options.getLeaseMs()))
            .compose(r -> conn.preparedQuery("UPDATE " + s + ".delivery d SET owner = $1 WHERE status = 1"
                    + " AND d.owner IS DISTINCT FROM $1 AND (d.owner IS NULL OR NOT EXISTS (SELECT 1 FROM " + s
                    + ".node n WHERE n.node_id = d.owner AND n.lease_until > now()))")
                .execute(Tuple.of(nodeId)))
            .compose(r -> conn.query("SELECT nextval('" + s + ".node_epoch')").execute())
            .map(rows -> rows.iterator().next().getLong(0))));
  }

  private Future<Void> migrate(SqlConnection conn, int from) {
    Future<Void> chain = Future.succeededFuture();
    for (String statement : JournalSchema.migrations(s, from)) {
      chain = chain.compose(v -> conn.query(statement).execute().mapEmpty());
    }
    if (from < JournalSchema.VERSION) {
      chain = chain.compose(v -> conn.preparedQuery("INSERT INTO " + s + ".journal_version (version) VALUES ($1)")
          .execute(Tuple.of(JournalSchema.VERSION)).mapEmpty());
    }
    return chain;
  }

  @Override
  public Future<Long> nextEpoch() {
    return pool.query("SELECT nextval('" + s + ".node_epoch')").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  @Override
  public Future<List<JournalRow>> loadPending(long afterId, int limit) {
    return pool.preparedQuery("SELECT " + ROW_COLUMNS + " FROM " + s + ".delivery WHERE status = 1 AND owner = $1"
            + " AND delivery_id > $2 ORDER BY delivery_id LIMIT $3")
        .execute(Tuple.of(nodeId, afterId, limit))
        .map(PgJournalStore::rows);
  }

  @Override
  public Future<Void> append(AppendBatch b) {
    int n = b.size;
    Long[] ids = new Long[n];
    Long[] eventIds = new Long[n];
    Short[] types = new Short[n];
    String[] sources = new String[n];
    String[] symbols = new String[n];
    String[] subscribers = new String[n];
    Buffer[] events = new Buffer[n];
    for (int i = 0; i < n; i++) {
      ids[i] = b.deliveryIds[i];
      eventIds[i] = b.eventIds[i];
      types[i] = b.eventTypes[i];
      sources[i] = b.sources[i];
      symbols[i] = b.symbols[i];
      subscribers[i] = b.subscribers[i];
      events[i] = b.events[i];
    }
    Tuple t = Tuple.tuple()
        .addArrayOfLong(ids)
        .addArrayOfLong(eventIds)
        .addArrayOfShort(types)
        .addArrayOfString(sources)
        .addArrayOfString(symbols)
        .addArrayOfString(subscribers)
        .addArrayOfBuffer(events)
        .addString(nodeId);
    return pool.preparedQuery(insertSql).execute(t).mapEmpty();
  }

  @Override
  public Future<Void> record(OutcomeBatch outcomes) {
    if (outcomes.failures.isEmpty()) {
      return markDelivered(pool, outcomes.delivered);
    }
    return pool.withTransaction(conn -> recordFailures(conn, outcomes.failures)
        .compose(v -> markDelivered(conn, outcomes.delivered)));
  }

  private Future<Void> markDelivered(io.vertx.sqlclient.SqlClient client, List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return client.preparedQuery(confirmStatement())
        .execute(Tuple.tuple().addArrayOfLong(ids.toArray(new Long[0])))
        .mapEmpty();
  }

  private Future<Void> recordFailures(SqlConnection conn, List<OutcomeBatch.Failure> all) {
    // one UPDATE ... FROM may use only one source row per target row, and not a chosen one:
    // of several attempts of one delivery in a batch, only the last is written
    java.util.LinkedHashMap<Long, OutcomeBatch.Failure> latest = new java.util.LinkedHashMap<>();
    for (OutcomeBatch.Failure f : all) {
      latest.remove(f.deliveryId());
      latest.put(f.deliveryId(), f);
    }
    List<OutcomeBatch.Failure> failures = new ArrayList<>(latest.values());
    int n = failures.size();
    Long[] ids = new Long[n];
    Integer[] attempts = new Integer[n];
    String[] errors = new String[n];
    Long[] delays = new Long[n];
    Short[] statuses = new Short[n];
    for (int i = 0; i < n; i++) {
      OutcomeBatch.Failure f = failures.get(i);
      ids[i] = f.deliveryId();
      attempts[i] = f.attempts();
      errors[i] = storable(f.error());
      delays[i] = f.retryDelayMs();
      statuses[i] = (short) (f.dead() ? DeliveryStatus.DEAD.code() : DeliveryStatus.PENDING.code());
    }
    return conn.preparedQuery("UPDATE " + s + ".delivery d SET attempts = u.a, last_error = u.err,"
            + " status = u.st, next_attempt_at = CASE WHEN u.st = 1 THEN now() + u.delay::float8"
            + " * interval '1 millisecond' END, dead_at = CASE WHEN u.st = 3 THEN now() END"
            + " FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[], $5::smallint[]) AS u(id, a, err, delay, st)"
            + " WHERE d.delivery_id = u.id AND d.status = 1")
        .execute(Tuple.tuple().addArrayOfLong(ids).addArrayOfInteger(attempts).addArrayOfString(errors)
            .addArrayOfLong(delays).addArrayOfShort(statuses))
        .mapEmpty();
  }

  /** Longest error text kept per row: a handler's message can be of any size. */
  static final int MAX_ERROR_CHARS = 2_000;

  /**
   * A handler's error text as a text column takes it: NUL (which PostgreSQL's text refuses),
   * other control characters but tab and line breaks, and unpaired surrogates become
   * {@code U+FFFD}; longer than {@value #MAX_ERROR_CHARS} characters, it is cut and says so.
   */
  static String storable(String error) {
    if (error == null) {
      return null;
    }
    int n = Math.min(error.length(), MAX_ERROR_CHARS);
    StringBuilder sb = null;
    for (int i = 0; i < n; i++) {
      char c = error.charAt(i);
      boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
          || (Character.isHighSurrogate(c) && (i + 1 >= error.length() || !Character.isLowSurrogate(error.charAt(i + 1))))
          || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(error.charAt(i - 1))));
      if (bad && sb == null) {
        sb = new StringBuilder(n + 16).append(error, 0, i);
      }
      if (sb != null) {
        sb.append(bad ? '\uFFFD' : c);
      }
    }
    String clean = sb != null ? sb.toString() : error.substring(0, n);
    return error.length() > MAX_ERROR_CHARS ? clean + " ... (" + error.length() + " characters, cut)" : clean;
  }

  @Override
  public Future<Long> countDead() {
    return pool.query("SELECT count(*) FROM " + s + ".delivery WHERE status = 3").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The filter of a dead-letter query over parameters $1..$6. */
  private static final String DEAD_FILTER = " status = 3 AND ($1::text IS NULL OR subscriber = $1)"
      + " AND ($2::smallint IS NULL OR event_type = $2) AND ($3::text IS NULL OR source = $3)"
      + " AND ($4::text IS NULL OR symbol = $4) AND ($5::timestamptz IS NULL OR dead_at >= $5)"
      + " AND ($6::timestamptz IS NULL OR dead_at < $6)";

  private static Tuple filterParams(DeadLetterQuery q) {
    return Tuple.tuple()
        .addString(q.subscriber())
        .addShort(q.type() == null ? null : (short) q.type().code())
        .addString(q.source())
        .addString(q.symbol())
        .addOffsetDateTime(q.deadSince() == null ? null : OffsetDateTime.ofInstant(q.deadSince(), java.time.ZoneOffset.UTC))
        .addOffsetDateTime(q.deadBefore() == null ? null : OffsetDateTime.ofInstant(q.deadBefore(), java.time.ZoneOffset.UTC));
  }

  @Override
  public Future<DeadLetterPage> listDead(DeadLetterQuery q) {
    Tuple page = filterParams(q).addLong(q.afterDeliveryId()).addInteger(q.limit() + 1);
    Future<RowSet<Row>> rows = pool.preparedQuery("SELECT " + ROW_COLUMNS + " FROM " + s + ".delivery WHERE"
        + DEAD_FILTER + " AND delivery_id > $7 ORDER BY delivery_id LIMIT $8").execute(page);
    Future<RowSet<Row>> count = pool.preparedQuery("SELECT count(*) FROM " + s + ".delivery WHERE" + DEAD_FILTER)
        .execute(filterParams(q));
    return Future.all(rows, count).map(v -> {
      List<JournalRow> found = rows(rows.result());
      boolean more = found.size() > q.limit();
      List<DeadLetter> letters = new ArrayList<>();
      for (JournalRow r : more ? found.subList(0, q.limit()) : found) {
        letters.add(toDeadLetter(r));
      }
      long total = count.result().iterator().next().getLong(0);
      long next = more ? letters.get(letters.size() - 1).deliveryId() : -1;
      return new DeadLetterPage(letters, total, next);
    });
  }

  static DeadLetter toDeadLetter(JournalRow r) {
    return new DeadLetter(r.deliveryId(), r.subscriber(), r.event(), r.attempts(), r.lastError(),
        Instant.ofEpochMilli(r.createdMillis()), r.deadMillis() == 0 ? null : Instant.ofEpochMilli(r.deadMillis()));
  }

  @Override
  public Future<List<JournalRow>> replayDead(DeadLetterQuery q, long id) {
    String set = "UPDATE " + s + ".delivery SET status = 1, attempts = 0, next_attempt_at = NULL, last_error = NULL,"
        + " dead_at = NULL, owner = ";
    Future<RowSet<Row>> updated = id > 0
        ? pool.preparedQuery(set + "$2 WHERE delivery_id = $1 AND status = 3 RETURNING " + ROW_COLUMNS)
            .execute(Tuple.of(id, nodeId))
        : pool.preparedQuery(set + "$7 WHERE" + DEAD_FILTER + " RETURNING " + ROW_COLUMNS)
            .execute(filterParams(q).addString(nodeId));
    return updated.map(rows -> {
      List<JournalRow> list = rows(rows);
      list.sort((a, b) -> Long.compare(a.deliveryId(), b.deliveryId()));
      return list;
    });
  }

  @Override
  public Future<Boolean> discardDead(long id) {
    return pool.preparedQuery("UPDATE " + s + ".delivery SET status = 4, discarded_at = now()"
            + " WHERE delivery_id = $1 AND status = 3")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Boolean> inTransaction(long deliveryId, Function<SqlConnection, Future<Void>> effect) {
    return pool.withTransaction(conn -> conn
        .preparedQuery(confirmSql + " = $1 AND status = 1")
        .execute(Tuple.of(deliveryId))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          Future<Void> applied;
          try {
            applied = effect.apply(conn);
          } catch (Throwable t) {
            applied = Future.failedFuture(t);
          }
          if (applied == null) {
            applied = Future.failedFuture(new IllegalStateException("inbox handler returned null instead of a Future"));
          }
          return applied.map(true);
        }));
  }

  @Override
  public Future<Void> renewLease() {
    return pool.preparedQuery("UPDATE " + s + ".node SET lease_until = now() + $2::float8 * interval '1 millisecond'"
            + " WHERE node_id = $1")
        .execute(Tuple.of(nodeId, (double) options.getLeaseMs()))
        .mapEmpty();
  }

  @Override
  public Future<Integer> purgeDelivered() {
    if (options.getRetentionMs() == 0) {
      return Future.succeededFuture(0); // confirmations delete their rows: nothing delivered is kept
    }
    return pool.preparedQuery("DELETE FROM " + s + ".delivery WHERE delivery_id IN (SELECT delivery_id FROM " + s
            + ".delivery WHERE status = 2 AND delivered_at < now() - $1::float8 * interval '1 millisecond' LIMIT "
            + PURGE_BATCH + ")")
        .execute(Tuple.of((double) options.getRetentionMs()))
        .map(RowSet::rowCount);
  }

  @Override
  public int purgeBatch() {
    return PURGE_BATCH;
  }

  @Override
  public Future<Void> probe() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return pool.preparedQuery("UPDATE " + s + ".node SET lease_until = now() WHERE node_id = $1")
        .execute(Tuple.of(nodeId))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture())
        .eventually(pool::close);
  }

  private static List<JournalRow> rows(RowSet<Row> rows) {
    List<JournalRow> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Buffer bytes = r.getBuffer("event");
      OffsetDateTime created = r.getOffsetDateTime("created_at");
      OffsetDateTime dead = r.getOffsetDateTime("dead_at");
      out.add(new JournalRow(
          r.getLong("delivery_id"),
          r.getString("subscriber"),
          CODEC.decodeFromWire(0, bytes),
          DeliveryStatus.fromCode(r.getShort("status")),
          r.getInteger("attempts"),
          r.getString("last_error"),
          created == null ? 0 : created.toInstant().toEpochMilli(),
          dead == null ? 0 : dead.toInstant().toEpochMilli()));
    }
    return out;
  }
}
