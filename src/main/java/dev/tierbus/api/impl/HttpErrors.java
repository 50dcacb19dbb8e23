package dev.tierbus.api.impl;

import dev.tierbus.config.Problem;
import dev.tierbus.event.EventJsonException;
import dev.tierbus.journal.JournalUnavailableException;
import dev.tierbus.router.BackPressureException;
import dev.tierbus.topology.ContainerChangeException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON error: {@code {"error": what went wrong, "details": [{"path",
 * "message"}]}} with the status that says whose fault it is (4xx: the request's, 5xx: the
 * node's).
 *
 * <p>A refusal that passes is a 503 with {@code Retry-After}: the journal unreachable (after
 * the journal's {@code reconnect_interval_ms}, rounded up to whole seconds), back-pressure
 * (after 1 s). A failure nobody expected is a 500 that says only that: its stack trace goes to
 * the log, no Java class name goes to the client.
 */
final class HttpErrors {

  private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

  /** Seconds a client waits after back-pressure: queues drain in milliseconds, a second is plenty. */
  static final int BACK_PRESSURE_RETRY_AFTER_SECONDS = 1;

  private HttpErrors() {}

  /**
   * The router's failure handler.
   *
   * @param journalRetryAfterSeconds {@code Retry-After} of a 503 for an unreachable journal
   */
  static Handler<RoutingContext> handler(int journalRetryAfterSeconds) {
    return rc -> {
      if (rc.response().ended()) {
        return;
      }
      ApiException e = toApiException(rc.failure(), rc.statusCode(), journalRetryAfterSeconds);
      logUnexpected(rc, e, rc.failure());
      send(rc.response(), e);
    };
  }

  /** Logs {@code failure} with its stack trace when {@code answer} is a 5xx other than 503. */
  static void logUnexpected(RoutingContext rc, ApiException answer, Throwable failure) {
    if (answer.status() >= 500 && answer.status() != 503) {
      log.error("{} {} failed", rc.request().method(), rc.request().path(), failure);
    }
  }

  static void send(HttpServerResponse response, ApiException e) {
    if (response.ended()) {
      return;
    }
    response.setStatusCode(e.status()).putHeader("content-type", "application/json");
    if (e.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer realm=\"tierbus\"");
    }
    if (e.retryAfterSeconds() > 0) {
      response.putHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    response.end(e.body().encode());
  }

  static ApiException toApiException(Throwable failure, int statusCode, int journalRetryAfterSeconds) {
    if (failure instanceof ApiException a) {
      return a;
    }
    if (failure instanceof JournalUnavailableException j) {
      return ApiException.unavailable("the journal is unreachable, nothing was published; try again in "
          + journalRetryAfterSeconds + " s: " + j.getMessage(), journalRetryAfterSeconds);
    }
    if (failure instanceof BackPressureException bp) {
      return ApiException.unavailable("back-pressure, a queue is full; try again in "
          + BACK_PRESSURE_RETRY_AFTER_SECONDS + " s: " + bp.getMessage(), BACK_PRESSURE_RETRY_AFTER_SECONDS);
    }
    if (failure instanceof HttpException h && h.getCause() instanceof ValidatorException v) {
      return fromValidator(v);
    }
    if (failure instanceof ValidatorException v) {
      return fromValidator(v);
    }
    if (failure instanceof ContainerChangeException c) {
      return fromChange(c);
    }
    if (failure instanceof EventJsonException ej) {
      JsonArray details = new JsonArray();
      ej.problems().forEach(p -> details.add(ApiException.detail(p.path(), p.message())));
      return new ApiException(400, "the event is not valid", details);
    }
    if (failure instanceof HttpException h) {
      String message = h.getPayload() != null ? h.getPayload() : defaultMessage(h.getStatusCode());
      return new ApiException(h.getStatusCode(), message);
    }
    if (failure == null) {
      return new ApiException(statusCode > 0 ? statusCode : 500, defaultMessage(statusCode));
    }
    if (statusCode >= 400 && statusCode < 500) {
      // refused by Vert.x Web before any handler ran, e.g. an HTTP/1.1 request without Host
      return new ApiException(statusCode, failure.getMessage() != null ? failure.getMessage() : defaultMessage(statusCode));
    }
    return new ApiException(500, "internal error; the node's log has the details");
  }

  private static final java.util.regex.Pattern PARAMETER =
      java.util.regex.Pattern.compile("(?:query|path|header|cookie) parameter (\\S+?)[ .]");
  private static final java.util.regex.Pattern REQUIRED =
      java.util.regex.Pattern.compile("required property \"([^\"]+)\"");
  private static final java.util.regex.Pattern PROPERTY =
      java.util.regex.Pattern.compile("^Property \"([^\"]+)\"");

  private static ApiException fromValidator(ValidatorException v) {
    JsonArray details = new JsonArray();
    java.util.regex.Matcher param = PARAMETER.matcher(String.valueOf(v.getMessage()));
    String prefix = param.find() ? param.group(1) : "";
    if (v instanceof SchemaValidationException s && s.getOutputUnit() != null && s.getOutputUnit().getErrors() != null) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (OutputUnit u : s.getOutputUnit().getErrors()) {
        String path = join(prefix, jsonPath(u.getInstanceLocation()));
        String error = String.valueOf(u.getError());
        java.util.regex.Matcher m = REQUIRED.matcher(error);
        java.util.regex.Matcher p = PROPERTY.matcher(error);
        if (m.find()) {
          path = join(path, m.group(1));
        } else if (p.find() && !path.endsWith(p.group(1))) {
          path = join(path, p.group(1));
        }
        if (seen.add(path + error)) {
          details.add(ApiException.detail(path, error));
        }
      }
    }
    if (details.isEmpty()) {
      details.add(ApiException.detail(prefix, v.getMessage()));
    }
    return new ApiException(400, "the request does not match the API: " + v.getMessage(), details);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : b.startsWith("[") ? a + b : a + "." + b;
  }

  /** {@code #/payload/strength} → {@code payload.strength}; {@code /list/0} → {@code list[0]}. */
  static String jsonPath(String pointer) {
    if (pointer == null) {
      return "";
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder sb = new StringBuilder();
    for (String part : p.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(part).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  private static ApiException fromChange(ContainerChangeException c) {
    JsonArray details = new JsonArray();
    for (Problem p : c.problems()) {
      details.add(ApiException.detail(p.path(), p.message()));
    }
    int status = switch (c.reason()) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case FAILED -> 500;
    };
    return new ApiException(status, c.getMessage(), details);
  }

  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "authentication required: send Authorization: Bearer <token>";
      case 403 -> "wrong token";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 413 -> "request body too large";
      case 415 -> "unsupported content type, expected application/json";
      default -> "HTTP " + status;
    };
  }

  /** A JSON body of an error that has no exception (router 404/405). */
  static JsonObject body(int status, String path) {
    return new JsonObject().put("error", defaultMessage(status) + (path == null ? "" : ": " + path))
        .put("details", new JsonArray());
  }
}
