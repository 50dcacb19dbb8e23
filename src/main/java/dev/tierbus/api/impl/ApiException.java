package dev.tierbus.api.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A request that ends in an HTTP error: its status and the body {@code {"error": ...,
 * "details": [{"path", "message"}, ...]}}.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonArray details;

  ApiException(int status, String error, JsonArray details) {
    super(error, null, false, false);
    this.status = status;
    this.details = details == null ? new JsonArray() : details;
  }

  ApiException(int status, String error) {
    this(status, error, new JsonArray());
  }

  static ApiException badRequest(String error, String path, String message) {
    return new ApiException(400, error, new JsonArray().add(detail(path, message)));
  }

  static ApiException notFound(String what) {
    return new ApiException(404, what);
  }

  static JsonObject detail(String path, String message) {
    return new JsonObject().put("path", path).put("message", message);
  }

  int status() {
    return status;
  }

  JsonObject body() {
    return new JsonObject().put("error", getMessage()).put("details", details.copy());
  }
}
