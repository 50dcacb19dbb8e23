package dev.tierbus.api.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  private final AtomicLong now = new AtomicLong();
  private final IdempotencyKeys keys = new IdempotencyKeys(1000, 2, now::get);

  private static JsonObject body(String reason) {
    return new JsonObject().put("id", 1).put("payload", new JsonObject().put("reason", reason).put("strength", 0.5));
  }

  @Test
  void aRepeatWhileTheFirstIsPublishingGetsItsAnswerOnceThereIsOne() {
    IdempotencyKeys.Claim first = keys.claim("s", 1, body("a"));
    assertThat(first).isInstanceOf(IdempotencyKeys.Claim.First.class);
    IdempotencyKeys.Claim repeat = keys.claim("s", 1, body("a"));
    assertThat(repeat).isInstanceOf(IdempotencyKeys.Claim.Repeat.class);
    assertThat(((IdempotencyKeys.Claim.Repeat) repeat).answer().isComplete()).isFalse();
    IdempotencyKeys.Answer answer = new IdempotencyKeys.Answer(202, new JsonObject().put("id", 9), 0);
    keys.accepted(((IdempotencyKeys.Claim.First) first).token(), answer);
    assertThat(((IdempotencyKeys.Claim.Repeat) repeat).answer().result()).isEqualTo(answer);
    assertThat(keys.claim("s", 1, body("b"))).isInstanceOf(IdempotencyKeys.Claim.Conflict.class);
    assertThat(keys.claim("other", 1, body("b"))).isInstanceOf(IdempotencyKeys.Claim.First.class);
  }

  @Test
  void aRefusedPublishFreesTheKeyAndRepeatsWaitingGetTheRefusal() {
    IdempotencyKeys.Claim first = keys.claim("s", 1, body("a"));
    IdempotencyKeys.Claim waiting = keys.claim("s", 1, body("a"));
    IdempotencyKeys.Answer refusal = new IdempotencyKeys.Answer(503, new JsonObject().put("error", "down"), 2);
    keys.refused(((IdempotencyKeys.Claim.First) first).token(), refusal);
    assertThat(((IdempotencyKeys.Claim.Repeat) waiting).answer().result()).isEqualTo(refusal);
    assertThat(keys.size()).isZero();
    assertThat(keys.claim("s", 1, body("other body now"))).isInstanceOf(IdempotencyKeys.Claim.First.class);
  }

  @Test
  void keysExpireAfterTheWindowAndTheTableIsBounded() {
    keys.claim("s", 1, body("a"));
    now.addAndGet(400_000_000L);
    keys.claim("s", 2, body("a"));
    IdempotencyKeys.Claim full = keys.claim("s", 3, body("a"));
    assertThat(full).isInstanceOf(IdempotencyKeys.Claim.Full.class);
    assertThat(((IdempotencyKeys.Claim.Full) full).retryAfterSeconds()).isEqualTo(1);
    now.addAndGet(600_000_000L);
    // key 1 expired: room for key 3
    assertThat(keys.claim("s", 3, body("a"))).isInstanceOf(IdempotencyKeys.Claim.First.class);
    assertThat(keys.claim("s", 2, body("changed"))).as("key 2 lives").isInstanceOf(IdempotencyKeys.Claim.Conflict.class);
    now.addAndGet(400_000_000L);
    assertThat(keys.claim("s", 2, body("changed"))).as("key 2 expired").isInstanceOf(IdempotencyKeys.Claim.First.class);
  }

  @Test
  void theOrderOfKeysDoesNotChangeTheDigest() {
    JsonObject a = new JsonObject().put("x", 1).put("y", new JsonObject().put("p", 1).put("q", 2));
    JsonObject b = new JsonObject().put("y", new JsonObject().put("q", 2).put("p", 1)).put("x", 1);
    assertThat(IdempotencyKeys.digest(a)).isEqualTo(IdempotencyKeys.digest(b));
    assertThat(IdempotencyKeys.digest(a)).isNotEqualTo(IdempotencyKeys.digest(b.copy().put("x", 2)));
  }
}
