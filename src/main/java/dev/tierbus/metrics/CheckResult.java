package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The outcome of one health check.
 *
 * @param name e.g. {@code journal}, {@code router.queues}
 * @param status UP, DOWN (the node is not ready) or WARN (worth a look, still ready)
 * @param message what was found, in words
 * @param data the figures behind it
 */
public record CheckResult(String name, Status status, String message, JsonObject data) {

  public enum Status { UP, WARN, DOWN }

  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    data = data == null ? new JsonObject() : data.copy();
  }

  public static CheckResult up(String name, String message, JsonObject data) {
    return new CheckResult(name, Status.UP, message, data);
  }

  public static CheckResult warn(String name, String message, JsonObject data) {
    return new CheckResult(name, Status.WARN, message, data);
  }

  public static CheckResult down(String name, String message, JsonObject data) {
    return new CheckResult(name, Status.DOWN, message, data);
  }

  @Override
  public JsonObject data() {
    return data.copy();
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("status", status.name()).put("message", message).put("data", data.copy());
  }
}
