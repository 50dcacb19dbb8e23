package dev.tierbus.event;

import io.vertx.core.eventbus.EventBus;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers the tierbus codecs on a Vert.x {@link EventBus}.
 *
 * <p>After {@link #registerDefaults}, sending an {@link Event} or {@link EventBatch} needs no
 * {@code DeliveryOptions}: a local consumer receives the sent instance itself, a remote one a
 * decoded copy.
 */
public final class EventCodecs {

  private static final Set<EventBus> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  private EventCodecs() {}

  /**
   * Registers {@link EventCodec} as the default codec of {@link Event} and
   * {@link EventBatchCodec} as that of {@link EventBatch}.
   *
   * <p>Idempotent: a second call on the same bus does nothing. The buses are remembered weakly.
   *
   * @throws IllegalStateException when another codec is already the default for one of the
   *     classes or uses one of the names; nothing is left registered then
   */
  public static void registerDefaults(EventBus bus) {
    Objects.requireNonNull(bus, "bus");
    synchronized (REGISTERED) {
      if (REGISTERED.contains(bus)) {
        return;
      }
      register(bus);
      REGISTERED.add(bus);
    }
  }

  private static void register(EventBus bus) {
    try {
      bus.registerDefaultCodec(Event.class, new EventCodec());
    } catch (IllegalStateException e) {
      throw conflict(e);
    }
    try {
      bus.registerDefaultCodec(EventBatch.class, new EventBatchCodec());
    } catch (IllegalStateException e) {
      bus.unregisterDefaultCodec(Event.class);
      throw conflict(e);
    }
  }

  private static IllegalStateException conflict(IllegalStateException cause) {
    return new IllegalStateException("cannot register the tierbus codecs (" + EventCodec.NAME + ", "
        + EventBatchCodec.NAME + ") on this event bus: " + cause.getMessage(), cause);
  }

  /** True when {@link #registerDefaults} has registered the codecs on {@code bus}. */
  static boolean isRegistered(EventBus bus) {
    synchronized (REGISTERED) {
      return REGISTERED.contains(bus);
    }
  }
}
