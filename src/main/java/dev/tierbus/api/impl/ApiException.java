package dev.tierbus.api.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A request that ends in an HTTP error: its status, the body {@code {"error": ...,
 * "details": [{"path", "message"}, ...]}} and, for a 503 that will pass, the seconds after
 * which to try again ({@code Retry-After}).
 *
 * <p>The body never names a Java class: a message that carries one from an exception (a
 * qualified name such as {@code java.lang.IllegalStateException}, or a simple name ending in
 * {@code Exception} or {@code Error}) has it removed, because it tells a client nothing it can
 * act on and tells an attacker what runs inside.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\b(?:(?:java|javax|jdk|sun|io|dev|com|org|net)\\.(?:[a-z_][a-z0-9_]*\\.)*[A-Z][\\w]*(?:\\$[\\w]+)*"
          + "|[A-Z][A-Za-z0-9]*(?:Exception|Error))\\b(?::\\s*)?");

  private final int status;
  private final transient JsonArray details;
  private final int retryAfterSeconds;

  ApiException(int status, String error, JsonArray details, int retryAfterSeconds) {
    super(error, null, false, false);
    this.status = status;
    this.details = details == null ? new JsonArray() : details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  ApiException(int status, String error, JsonArray details) {
    this(status, error, details, 0);
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

  /** A 503 for a refusal that will pass: try again after {@code seconds} (at least 1). */
  static ApiException unavailable(String error, int seconds) {
    return new ApiException(503, error, new JsonArray(), Math.max(1, seconds));
  }

  static JsonObject detail(String path, String message) {
    return new JsonObject().put("path", path).put("message", message);
  }

  int status() {
    return status;
  }

  /** Seconds for {@code Retry-After}, 0 for none. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  JsonObject body() {
    JsonArray out = new JsonArray();
    for (Object d : details) {
      if (d instanceof JsonObject o) {
        JsonObject copy = o.copy();
        if (copy.getValue("message") instanceof String m) {
          copy.put("message", withoutClassNames(m));
        }
        out.add(copy);
      }
    }
    return new JsonObject().put("error", withoutClassNames(getMessage())).put("details", out);
  }

  /** {@code text} without Java class names (and the ": " that follows one). */
  static String withoutClassNames(String text) {
    if (text == null) {
      return "failed";
    }
    String s = CLASS_NAME.matcher(text).replaceAll("").trim();
    return s.isEmpty() || s.equals(":") ? "failed" : s;
  }
}
