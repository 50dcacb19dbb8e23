package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/events}: publishes one event (for operators and tests), read with
 * {@link EventJson#fromJson} (400 with every problem) and routed on its tier as if its
 * {@code source} had published it. 202 once the tier accepted it (for the reliable tier: once
 * journalled); 503 when the tier refuses it (back-pressure and an unreachable journal with
 * {@code Retry-After}, no reliable tier).
 */
final class EventHandlers {

  private final ApiNode node;
  private final TieredEventRouter router;

  EventHandlers(ApiNode node) {
    this.node = node;
    this.router = node.runtime().router();
  }

  void publish(RoutingContext rc) {
    Event event = EventJson.fromJson(Responses.body(rc));
    String tier = router.tierOf(event.source(), event.type()).configName();
    router.publish(event).onComplete(ar -> {
      if (ar.succeeded()) {
        Responses.json(rc, 202, new JsonObject().put("id", event.id()).put("type", event.type().name()).put("tier", tier));
      } else {
        Throwable cause = ar.cause();
        ApiException e = cause instanceof IllegalStateException
            ? new ApiException(503, "the " + tier + " tier did not take the event, nothing was published: "
                + cause.getMessage())
            : HttpErrors.toApiException(cause, 500, node.journalRetryAfterSeconds());
        HttpErrors.logUnexpected(rc, e, cause);
        HttpErrors.send(rc.response(), e);
      }
    });
  }
}
