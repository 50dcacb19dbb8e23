package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/events}: publishes one event (for operators and tests) as its {@code source}
 * would, after {@link EventRequest} found nothing wrong with it (else 400 with every problem,
 * and nothing is published).
 *
 * <ul>
 *   <li>202 with the event's id once its tier accepted it (the reliable tier: once journalled);</li>
 *   <li>503 when the tier refused it: the journal unreachable ({@code Retry-After}: the
 *       journal's reconnect interval) or {@code max_in_flight} reached ({@code Retry-After: 1}),
 *       nothing published; no reliable tier installed; a full standard-tier queue
 *       ({@code Retry-After: 1}), when the subscribers with room did get the event;</li>
 *   <li>with an {@code id}: a POST repeated with the same source, id and body within
 *       {@code http.idempotency_window_ms} gets the first one's answer (status, event id) and
 *       publishes nothing, with {@code Idempotency-Replayed: true}; the same source and id with
 *       another body is 409. A refused publish does not use the id up.</li>
 * </ul>
 */
final class EventHandlers {

  static final String REPLAYED_HEADER = "Idempotency-Replayed";

  private final ApiNode node;
  private final TieredEventRouter router;

  EventHandlers(ApiNode node) {
    this.node = node;
    this.router = node.runtime().router();
  }

  void publish(RoutingContext rc) {
    JsonObject body = Responses.body(rc);
    EventRequest request = EventRequest.read(body, () -> node.runtime().containers(),
        node.options().getApiPublishers());
    IdempotencyKeys keys = node.idempotencyKeys();
    if (request.clientId() == null || !keys.enabled()) {
      publish(rc, request.event(), null);
      return;
    }
    IdempotencyKeys.Claim claim = keys.claim(request.event().source(), request.clientId(), body);
    if (claim instanceof IdempotencyKeys.Claim.First first) {
      publish(rc, request.event(), first.token());
    } else if (claim instanceof IdempotencyKeys.Claim.Repeat repeat) {
      repeat.answer().onSuccess(answer -> {
        rc.response().putHeader(REPLAYED_HEADER, "true");
        send(rc, answer);
      });
    } else if (claim instanceof IdempotencyKeys.Claim.Full full) {
      throw ApiException.unavailable("too many event ids to remember (http.idempotency_max_keys "
          + node.options().getIdempotencyMaxKeys() + "); try again in " + full.retryAfterSeconds() + " s",
          full.retryAfterSeconds());
    } else {
      throw new ApiException(409, "id " + request.clientId() + " of source '" + request.event().source()
          + "' was already used for another event", new JsonArray().add(ApiException.detail("id",
          "posted within the last " + node.options().getIdempotencyWindowMs() + " ms with a different body; a "
              + "repeated POST must send the same body, a new event needs a new id")));
    }
  }

  private void publish(RoutingContext rc, Event event, Object key) {
    String tier = router.tierOf(event.source(), event.type()).configName();
    router.publish(event).onComplete(ar -> {
      IdempotencyKeys.Answer answer;
      if (ar.succeeded()) {
        answer = new IdempotencyKeys.Answer(202,
            new JsonObject().put("id", event.id()).put("type", event.type().name()).put("tier", tier), 0);
        if (key != null) {
          node.idempotencyKeys().accepted(key, answer);
        }
      } else {
        Throwable cause = ar.cause();
        ApiException e = cause instanceof IllegalStateException
            ? new ApiException(503, "the " + tier + " tier did not take the event, nothing was published: "
                + cause.getMessage())
            : HttpErrors.toApiException(cause, 500, node.journalRetryAfterSeconds());
        HttpErrors.logUnexpected(rc, e, cause);
        answer = new IdempotencyKeys.Answer(e.status(), e.body(), e.retryAfterSeconds());
        if (key != null) {
          node.idempotencyKeys().refused(key, answer);
        }
      }
      send(rc, answer);
    });
  }

  private static void send(RoutingContext rc, IdempotencyKeys.Answer answer) {
    if (answer.retryAfterSeconds() > 0) {
      rc.response().putHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
    }
    Responses.json(rc, answer.status(), answer.body());
  }
}
