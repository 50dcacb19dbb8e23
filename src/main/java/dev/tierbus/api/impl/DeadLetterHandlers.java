package dev.tierbus.api.impl;

import dev.tierbus.event.EventJson;
import dev.tierbus.event.EventType;
import dev.tierbus.journal.DeadLetter;
import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/deadletters}, {@code POST /api/deadletters/{id}/replay},
 * {@code POST /api/deadletters/replay}, {@code DELETE /api/deadletters/{id}}: the reliable
 * tier's dead letters. 503 while no reliable tier is installed, and with {@code Retry-After}
 * while its journal is unreachable; an unknown id is 404.
 */
final class DeadLetterHandlers {

  static final List<String> FILTERS = List.of("subscriber", "type", "source", "symbol", "dead_since", "dead_before");

  private final ApiNode node;

  DeadLetterHandlers(ApiNode node) {
    this.node = node;
  }

  private DeadLetters deadLetters() {
    return node.deadLetters().orElseThrow(() -> new ApiException(503,
        "no reliable tier is installed on this node, so there are no dead letters to manage"));
  }

  /** Query: the filters, {@code after} (paging cursor) and {@code limit}. */
  void list(RoutingContext rc) {
    DeadLetters dl = deadLetters();
    MultiMap q = rc.queryParams();
    DeadLetterQuery query = query(q::get, "");
    long after = longParam(q.get("after"), "after", 0, Long.MAX_VALUE, 0);
    int limit = (int) longParam(q.get("limit"), "limit", 1, DeadLetterQuery.MAX_LIMIT, DeadLetterQuery.DEFAULT_LIMIT);
    Responses.json(rc, 200, journal(dl.list(query.after(after).withLimit(limit))).map(DeadLetterHandlers::page));
  }

  void replayOne(RoutingContext rc) {
    DeadLetters dl = deadLetters();
    long id = idParam(rc);
    Responses.json(rc, 200, journal(dl.replay(id)).map(found -> {
      if (!found) {
        throw ApiException.notFound("no dead letter " + id);
      }
      return new JsonObject().put("delivery_id", id).put("replayed", true);
    }));
  }

  /** Body: the filters (an empty object replays every dead letter). */
  void replayMatching(RoutingContext rc) {
    DeadLetters dl = deadLetters();
    JsonObject body = Responses.hasBody(rc) ? Responses.body(rc) : new JsonObject();
    for (String key : body.fieldNames()) {
      if (!FILTERS.contains(key)) {
        throw ApiException.badRequest("the replay filter is not valid", key, "unknown filter, expected one of "
            + String.join(", ", FILTERS));
      }
    }
    DeadLetterQuery query = query(key -> {
      Object v = body.getValue(key);
      if (v != null && !(v instanceof String)) {
        throw ApiException.badRequest("the replay filter is not valid", key, "expected a string, got " + v);
      }
      return (String) v;
    }, "");
    Responses.json(rc, 200, journal(dl.replay(query)).map(n -> new JsonObject().put("replayed", n)));
  }

  void discard(RoutingContext rc) {
    DeadLetters dl = deadLetters();
    long id = idParam(rc);
    Responses.json(rc, 200, journal(dl.discard(id)).map(found -> {
      if (!found) {
        throw ApiException.notFound("no dead letter " + id);
      }
      return new JsonObject().put("delivery_id", id).put("discarded", true);
    }));
  }

  /**
   * {@code result}, or a 503 with {@code Retry-After} when it failed because the journal is
   * unreachable (also when it went away while the query ran, which fails with the driver's error).
   */
  private <T> Future<T> journal(Future<T> result) {
    return result.recover(e -> {
      if (e instanceof JournalUnavailableException || e instanceof ApiException) {
        return Future.failedFuture(e);
      }
      boolean down = node.journalStatus().map(s -> !s.reachable()).orElse(false);
      return Future.failedFuture(down ? ApiException.unavailable("the journal is unreachable; try again in "
          + node.journalRetryAfterSeconds() + " s", node.journalRetryAfterSeconds()) : e);
    });
  }

  // ---------------------------------------------------------------- parsing

  private static DeadLetterQuery query(Function<String, String> get, String prefix) {
    DeadLetterQuery q = DeadLetterQuery.all();
    q = q.withSubscriber(blankToNull(get.apply("subscriber")))
        .withSource(blankToNull(get.apply("source")))
        .withSymbol(blankToNull(get.apply("symbol")));
    String type = blankToNull(get.apply("type"));
    if (type != null) {
      if (!EventType.isKnown(type)) {
        throw ApiException.badRequest("the filter is not valid", prefix + "type", "unknown event type '" + type
            + "', expected one of " + List.of(EventType.values()));
      }
      q = q.withType(EventType.fromName(type));
    }
    return q.withDeadBetween(instant(get.apply("dead_since"), prefix + "dead_since"),
        instant(get.apply("dead_before"), prefix + "dead_before"));
  }

  private static Instant instant(String v, String path) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("the filter is not valid", path,
          "expected an ISO-8601 instant such as 2024-01-02T15:30:00Z, got '" + v + "'");
    }
  }

  private static long longParam(String v, String name, long min, long max, long dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long l = Long.parseLong(v.trim());
      if (l < min || l > max) {
        throw ApiException.badRequest("bad query parameter", name, "must be in [" + min + ", " + max + "], was " + l);
      }
      return l;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad query parameter", name, "expected an integer, got '" + v + "'");
    }
  }

  private static long idParam(RoutingContext rc) {
    return longParam(rc.pathParam("id"), "id", 1, Long.MAX_VALUE, 0);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static JsonObject page(DeadLetterPage page) {
    JsonArray letters = new JsonArray();
    for (DeadLetter d : page.letters()) {
      letters.add(letter(d));
    }
    return new JsonObject().put("letters", letters).put("total", page.total()).put("next_after", page.nextAfter());
  }

  static JsonObject letter(DeadLetter d) {
    return new JsonObject()
        .put("delivery_id", d.deliveryId())
        .put("subscriber", d.subscriber())
        .put("event", EventJson.toJson(d.event()))
        .put("attempts", d.attempts())
        .put("last_error", d.lastError())
        .put("published_at", d.publishedAt() == null ? null : d.publishedAt().toString())
        .put("dead_at", d.deadAt() == null ? null : d.deadAt().toString());
  }
}
