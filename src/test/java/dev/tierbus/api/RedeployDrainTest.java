package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerState;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hot swap drains what is queued for the old container before the new one takes over: nothing queued is lost. */
class RedeployDrainTest {

  @TempDir
  Path dir;

  @Test
  void eventsQueuedForTheOldContainerAreHandledBeforeItStops() throws Exception {
    String yaml = publisher("strategy", "SIGNAL") + subscriber("slow", "slow_sink", "strategy", "SIGNAL");
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      Container old = node.runtime.containers().get("slow");
      int n = 300;
      List<Future<Void>> published = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        published.add(node.runtime.router().publish(Event.of(EventType.SIGNAL, "strategy", "AAPL", i,
            new Signal(Direction.LONG, 0.1, "q" + i, "strategy"))));
      }
      ApiTestNode.await(Future.all(published));
      assertThat(old.eventsIn()).as("still queued when the swap starts").isLessThan(n);

      var r = node.send(HttpMethod.PUT, "/api/containers/slow", new JsonObject().put("container_type", "slow_sink")
          .put("external_events", new JsonObject().put("subscribes", new JsonArray()
              .add(new JsonObject().put("source", "strategy").put("events", new JsonArray().add("SIGNAL"))))));
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      assertThat(old.state()).isEqualTo(ContainerState.STOPPED);
      assertThat(old.eventsIn()).as("every queued event was handled by the old container").isEqualTo(n);
      Container fresh = node.runtime.containers().get("slow");
      assertThat(fresh).isNotSameAs(old);
      ApiTestNode.await(node.runtime.router().publish(Event.of(EventType.SIGNAL, "strategy", "AAPL", 1,
          new Signal(Direction.LONG, 0.1, "after", "strategy"))));
      ApiTestNode.eventually("the new one receives", () -> fresh.eventsIn() == 1);
    }
  }
}
