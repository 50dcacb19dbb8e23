package dev.tierbus.container;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a container is handling a reliable-tier event now (on any thread): only then are its
 * reliable-tier publishes tracked as effects of that event. A plain read on every publish.
 */
final class ReliableHandling {

  private final AtomicInteger handling = new AtomicInteger();

  void enter() {
    handling.incrementAndGet();
  }

  void exit() {
    handling.decrementAndGet();
  }

  boolean active() {
    return handling.get() > 0;
  }
}
