package dev.tierbus.api.impl;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
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
    if (!hasBody(rc)) {
      throw ApiException.badRequest("a JSON object is required as the body", "", "the body is empty");
    }
    Object v;
    try {
      v = Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      throw ApiException.badRequest("the body is not JSON", "", decodeProblem(e));
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw ApiException.badRequest("a JSON object is required as the body", "", "expected an object, got "
        + (v == null ? "null" : v instanceof JsonArray ? "a list" : v instanceof String ? "a string" : "a " + kind(v)));
  }

  /** True when the request came with a body of at least one byte. */
  static boolean hasBody(RoutingContext rc) {
    return rc.body() != null && rc.body().buffer() != null && rc.body().buffer().length() > 0;
  }

  private static String kind(Object v) {
    return v instanceof Boolean ? "boolean" : v instanceof Number ? "number" : "value";
  }

  /** The parser's message without its Java-specific tail ("at [Source: ...; line: 1, column: 5]" kept as position). */
  static String decodeProblem(DecodeException e) {
    String m = String.valueOf(e.getMessage()).split("\n")[0];
    if (m.startsWith("Failed to decode:")) {
      m = m.substring("Failed to decode:".length()).trim();
    }
    java.util.regex.Matcher at = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(
        String.valueOf(e.getMessage()));
    int source = m.indexOf(" at [Source");
    if (source < 0) {
      source = m.indexOf("(start marker");
    }
    if (source >= 0) {
      m = m.substring(0, source).trim();
    }
    return at.find() ? m + " (line " + at.group(1) + ", column " + at.group(2) + ")" : m;
  }
}
