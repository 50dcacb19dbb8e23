package dev.tierbus.api.impl;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket stream's two client caps: clients that may read ({@code max_clients}) and,
 * with {@code auth_reads}, clients that have not given the token yet
 * ({@code max_unauthenticated}).
 *
 * <p>Kept apart so that sockets that never authenticate cannot take the places of those that
 * do: however many anonymous sockets are open, a client with the right token still gets in
 * (as long as fewer than {@code max_clients} readers are connected). An unauthenticated
 * client holds its own kind of place until it authenticates ({@link #promote}) or leaves;
 * the auth deadline bounds how long that is. Thread-safe: sockets of every event loop take
 * and give back places at once.
 */
final class ClientSlots {

  private final int maxClients;
  private final int maxUnauthenticated;
  private final AtomicInteger clients = new AtomicInteger();
  private final AtomicInteger unauthenticated = new AtomicInteger();

  ClientSlots(int maxClients, int maxUnauthenticated) {
    this.maxClients = maxClients;
    this.maxUnauthenticated = maxUnauthenticated;
  }

  /** Takes a place of the given kind; false when that kind is full. */
  boolean take(boolean authenticated) {
    return authenticated ? takeOne(clients, maxClients) : takeOne(unauthenticated, maxUnauthenticated);
  }

  /** Moves a client from the unauthenticated places to the readers'; false (nothing moved) when those are full. */
  boolean promote() {
    if (!takeOne(clients, maxClients)) {
      return false;
    }
    unauthenticated.decrementAndGet();
    return true;
  }

  /** Gives back a place of the given kind. */
  void release(boolean authenticated) {
    (authenticated ? clients : unauthenticated).decrementAndGet();
  }

  private static boolean takeOne(AtomicInteger count, int max) {
    for (;;) {
      int n = count.get();
      if (n >= max) {
        return false;
      }
      if (count.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }
}
