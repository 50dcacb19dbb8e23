package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventCodecsTest {

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void localRequestDeliversTheSameEventInstance() throws Exception {
    EventBus bus = vertx.eventBus();
    EventCodecs.registerDefaults(bus);
    CompletableFuture<Event> received = new CompletableFuture<>();
    bus.<Event>consumer("events.in", message -> {
      received.complete(message.body());
      message.reply("ok");
    }).completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    Event sent = Event.of(EventType.BAR, "feed", "BTCUSDT", 1L, new Bar("1min", 1, 2, 0.5, 1.5, 100));

    Object reply = bus.request("events.in", sent).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS).body();

    assertThat(reply).isEqualTo("ok");
    assertThat(received.get(5, TimeUnit.SECONDS)).isSameAs(sent);
  }

  @Test
  void localSendDeliversTheSameBatchInstance() throws Exception {
    EventBus bus = vertx.eventBus();
    EventCodecs.registerDefaults(bus);
    CompletableFuture<EventBatch> received = new CompletableFuture<>();
    bus.<EventBatch>consumer("batches.in", message -> received.complete(message.body()))
        .completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    EventBatch sent = new EventBatch("feed",
        new Event[] {Event.of(EventType.TICK, "feed", "ETHUSDT", 2L, new Tick(3000, 1))}, 1, System.nanoTime());

    bus.send("batches.in", sent);

    assertThat(received.get(5, TimeUnit.SECONDS)).isSameAs(sent);
  }

  @Test
  void registerDefaultsTwiceIsANoOp() throws Exception {
    EventBus bus = vertx.eventBus();
    EventCodecs.registerDefaults(bus);

    assertThatCode(() -> EventCodecs.registerDefaults(bus)).doesNotThrowAnyException();
    assertThat(EventCodecs.isRegistered(bus)).isTrue();

    CompletableFuture<Event> received = new CompletableFuture<>();
    bus.<Event>consumer("again", message -> received.complete(message.body()))
        .completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    Event sent = Event.of(EventType.SYSTEM, "node", null, 3L, new Notice("up", "node started"));
    bus.send("again", sent);
    assertThat(received.get(5, TimeUnit.SECONDS)).isSameAs(sent);
  }
}
