package dev.tierbus.api.impl;

import dev.tierbus.event.EventFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The text inside a payload posted to {@code POST /api/events}, checked with the
 * {@link EventFields} rules (no control character, no unpaired surrogate, bounded length) before
 * the event is built, so that a bad character is refused with its path here instead of being
 * mangled by a wire format or failing a store later.
 *
 * <ul>
 *   <li>ids — {@code strategy} and every field named {@code order_id} or ending in {@code _id},
 *       at any depth: not empty, at most {@value EventFields#MAX_ID_LENGTH} chars;</li>
 *   <li>keys of objects in the payload (positions, details, params, ...): not empty, at most
 *       {@value EventFields#MAX_ID_LENGTH} chars;</li>
 *   <li>any other string (a reason, a message): may be empty, at most
 *       {@value EventFields#MAX_HEADER_VALUE_LENGTH} chars.</li>
 * </ul>
 */
final class PayloadText {

  static final int MAX_TEXT_LENGTH = EventFields.MAX_HEADER_VALUE_LENGTH;

  private PayloadText() {}

  /** Adds a detail to {@code problems} for every bad text under {@code payload}. */
  static void check(Object payload, JsonArray problems) {
    walk(payload, "payload", false, problems);
  }

  private static void walk(Object v, String path, boolean id, JsonArray problems) {
    if (v instanceof String s) {
      String problem = id ? EventFields.problem(s, EventFields.MAX_ID_LENGTH)
          : s.isEmpty() ? null : EventFields.problem(s, MAX_TEXT_LENGTH);
      if (problem != null) {
        problems.add(ApiException.detail(path, problem));
      }
    } else if (v instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        String keyProblem = EventFields.problem(key, EventFields.MAX_ID_LENGTH);
        if (keyProblem != null) {
          problems.add(ApiException.detail(path, "a key " + keyProblem));
          continue;
        }
        walk(o.getValue(key), path + "." + key, isId(key), problems);
      }
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(a.getValue(i), path + "[" + i + "]", id, problems);
      }
    }
  }

  private static boolean isId(String key) {
    return key.equals("strategy") || key.endsWith("_id");
  }
}
