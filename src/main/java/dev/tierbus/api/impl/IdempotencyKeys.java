package dev.tierbus.api.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The event ids clients gave {@code POST /api/events}, per (source, id), for a window from the
 * first POST: a retried POST whose answer was lost gets that answer again instead of a second
 * event.
 *
 * <ul>
 *   <li>A new key is {@link Claim.First}: the caller publishes, then {@link #accepted} (the key
 *       and its answer are kept for the window) or {@link #refused} (the key is forgotten: a
 *       publish the tier refused — journal down, a full queue — does not use it up).</li>
 *   <li>The same key with the same body is {@link Claim.Repeat}: its Future gives the first
 *       POST's answer, once that has one (a repeat that comes while the first is still
 *       publishing waits for it).</li>
 *   <li>The same key with another body is {@link Claim.Conflict}.</li>
 *   <li>At most {@code maxKeys} keys are kept: a new key beyond that is {@link Claim.Full} (the
 *       caller answers 503), because forgetting a live key would let a retry publish twice.</li>
 * </ul>
 *
 * A body is compared by a SHA-256 digest of its JSON with object keys sorted, so the order of
 * the keys does not matter. Thread-safe; every method holds the lock for a map operation or two.
 */
final class IdempotencyKeys {

  /** An answer of {@code POST /api/events}. */
  record Answer(int status, JsonObject body, int retryAfterSeconds) {}

  /** What {@link #claim} found. */
  sealed interface Claim {
    /** The key is new: publish, then call {@link #accepted} or {@link #refused} with this token. */
    record First(Object token) implements Claim {}

    /** The key was used with the same body: answer as the first POST did. */
    record Repeat(Future<Answer> answer) implements Claim {}

    /** The key was used with another body. */
    record Conflict() implements Claim {}

    /** No room for another key until the oldest expires, in {@code retryAfterSeconds}. */
    record Full(int retryAfterSeconds) implements Claim {}
  }

  private record Key(String source, long id) {}

  private static final class Entry {
    final Key key;
    final byte[] digest;
    final long expiresNanos;
    final Promise<Answer> answer = Promise.promise();

    Entry(Key key, byte[] digest, long expiresNanos) {
      this.key = key;
      this.digest = digest;
      this.expiresNanos = expiresNanos;
    }
  }

  private final long windowNanos;
  private final int maxKeys;
  private final LongSupplier clock;
  /** In claim order, which is expiry order: the window is the same for every key. */
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

  IdempotencyKeys(long windowMs, int maxKeys, LongSupplier nanoClock) {
    this.windowNanos = windowMs * 1_000_000L;
    this.maxKeys = maxKeys;
    this.clock = nanoClock;
  }

  IdempotencyKeys(long windowMs, int maxKeys) {
    this(windowMs, maxKeys, System::nanoTime);
  }

  /** False when the window is 0: no key is kept. */
  boolean enabled() {
    return windowNanos > 0;
  }

  synchronized Claim claim(String source, long id, JsonObject body) {
    long now = clock.getAsLong();
    expire(now);
    Key key = new Key(source, id);
    byte[] digest = digest(body);
    Entry e = entries.get(key);
    if (e != null) {
      return Arrays.equals(e.digest, digest) ? new Claim.Repeat(e.answer.future()) : new Claim.Conflict();
    }
    if (entries.size() >= maxKeys) {
      Entry oldest = entries.values().iterator().next();
      return new Claim.Full((int) Math.max(1, (oldest.expiresNanos - now + 999_999_999L) / 1_000_000_000L));
    }
    Entry fresh = new Entry(key, digest, now + windowNanos);
    entries.put(key, fresh);
    return new Claim.First(fresh);
  }

  /** The first POST of a key was published: its answer is kept for the window. */
  void accepted(Object token, Answer answer) {
    ((Entry) token).answer.tryComplete(answer);
  }

  /** The first POST of a key was not published: the key is free again (repeats waiting get {@code answer}). */
  void refused(Object token, Answer answer) {
    Entry e = (Entry) token;
    synchronized (this) {
      entries.remove(e.key, e);
    }
    e.answer.tryComplete(answer);
  }

  synchronized int size() {
    return entries.size();
  }

  private void expire(long now) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (now - e.expiresNanos < 0) {
        return;
      }
      it.remove();
    }
  }

  /** SHA-256 of {@code json} with every object's keys sorted. */
  static byte[] digest(JsonObject json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> sorted = (Map<String, Object>) canonical(json);
      return MessageDigest.getInstance("SHA-256").digest(new JsonObject(sorted).encode().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The same JSON value as plain maps (keys sorted) and lists. */
  private static Object canonical(Object v) {
    if (v instanceof JsonObject o) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<String, Object> e : o) {
        sorted.put(e.getKey(), canonical(e.getValue()));
      }
      return sorted;
    }
    if (v instanceof JsonArray a) {
      List<Object> out = new ArrayList<>(a.size());
      a.forEach(x -> out.add(canonical(x)));
      return out;
    }
    return v;
  }
}
