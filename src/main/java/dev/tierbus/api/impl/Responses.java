package dev.tierbus.api.impl;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers of the handlers: JSON responses, JSON bodies, failures to the failure handler. */
final class Responses {

  private Responses() {}

  static void json(RoutingContext rc, int status, JsonObject body) {
    if (!rc.response().ended()) {
      rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
  }

  /** Sends the Future's JSON with {@code status}, or hands its failure to the failure handler. */
  static void json(RoutingContext rc, int status, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        json(rc, status, ar.result());
      } else {
        fail(rc, ar.cause());
      }
    });
  }

  static void fail(RoutingContext rc, Throwable cause) {
    if (!rc.failed() && !rc.response().ended()) {
      rc.fail(cause);
    }
  }

  /** The request body as a JSON object; 400 naming the problem when it is none. */
  static JsonObject body(RoutingContext rc) {
    if (rc.body() == null || rc.body().length() == 0) {
      throw ApiException.badRequest("a JSON object is required as the body", "", "the body is empty");
    }
    try {
      Object v = rc.body().asJsonObject();
      if (v == null) {
        throw ApiException.badRequest("a JSON object is required as the body", "", "the body is null");
      }
      return (JsonObject) v;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("the body is not a JSON object", "", String.valueOf(e.getMessage()).split("\n")[0]);
    }
  }
}
