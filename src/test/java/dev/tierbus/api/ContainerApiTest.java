package dev.tierbus.api;

import static dev.tierbus.api.ApiTestNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerState;
import dev.tierbus.topology.TopologyValidator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** GET /api/topology, GET|POST|PUT|DELETE /api/containers against a running node. */
class ContainerApiTest extends ApiNodeFixture {

  static final String TOPOLOGY = """
      feed:
        container_type: ticker
        symbols: [AAPL, MSFT]
        interval_ms: 20
        external_events:
          publishes: [{events: [SIGNAL], scope: GLOBAL}]
      sink:
        container_type: sink
        external_events:
          subscribes:
            - {source: feed, events: [SIGNAL], tier: standard, filters: {symbols: [AAPL]}}
      group:
        container_type: strategy_ensemble
        sub_containers:
          - {container_type: sink, container_id: inner}
      """;

  ContainerApiTest() {
    super(TOPOLOGY);
  }

  @Test
  void topologyShowsTheTreeWithStateParamsSubscriptionsAndTiers() throws Exception {
    HttpResponse<Buffer> r = node.get("/api/topology");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    JsonArray roots = body.getJsonArray("containers");
    assertThat(roots.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("feed", "sink", "group");
    JsonObject feed = roots.getJsonObject(0);
    assertThat(feed.getString("type")).isEqualTo("ticker");
    assertThat(feed.getString("state")).isEqualTo("RUNNING");
    assertThat(feed.getJsonObject("params").getJsonArray("symbols")).containsExactly("AAPL", "MSFT");
    assertThat(feed.getJsonArray("publications").getJsonObject(0).getJsonObject("effective_tiers").getString("SIGNAL"))
        .isEqualTo("standard");
    JsonObject sub = roots.getJsonObject(1).getJsonArray("subscriptions").getJsonObject(0);
    assertThat(sub.getString("source")).isEqualTo("feed");
    assertThat(sub.getString("tier")).isEqualTo("standard");
    assertThat(sub.getJsonObject("filters").getJsonArray("symbols")).containsExactly("AAPL");
    JsonObject inner = roots.getJsonObject(2).getJsonArray("children").getJsonObject(0);
    assertThat(inner.getString("id")).isEqualTo("inner");
    assertThat(inner.getString("parent")).isEqualTo("group");
    eventually("sink receives", () -> node.runtime.containers().get("sink").eventsIn() > 0);
    JsonObject again = node.get("/api/containers/sink").bodyAsJsonObject();
    assertThat(again.getLong("events_in")).isPositive();
  }

  @Test
  void unknownContainerIs404WithAJsonError() throws Exception {
    HttpResponse<Buffer> r = node.get("/api/containers/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("nope");
    assertThat(r.bodyAsJsonObject().getJsonArray("details")).isNotNull();
    assertThat(node.send(HttpMethod.PUT, "/api/containers/nope", new JsonObject().put("container_type", "sink"))
        .statusCode()).isEqualTo(404);
    assertThat(node.send(HttpMethod.DELETE, "/api/containers/nope", null).statusCode()).isEqualTo(404);
  }

  @Test
  void postDeploysATopLevelContainerThatReceivesEvents() throws Exception {
    JsonObject entry = new JsonObject()
        .put("container_type", "sink")
        .put("container_id", "s2")
        .put("external_events", new JsonObject().put("subscribes", new JsonArray()
            .add(new JsonObject().put("source", "feed").put("events", new JsonArray().add("SIGNAL")))));
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers", entry);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("RUNNING");
    assertThat(r.bodyAsJsonObject().getString("parent")).isNull();
    Container s2 = node.runtime.containers().get("s2");
    assertThat(s2.state()).isEqualTo(ContainerState.RUNNING);
    eventually("s2 receives SIGNALs of both symbols", () -> s2.eventsIn() >= 2);
    assertThat(node.runtime.topology().container("s2")).isPresent();
    assertThat(node.get("/api/topology").bodyAsJsonObject().getJsonArray("containers").stream()
        .map(o -> ((JsonObject) o).getString("id"))).contains("s2");
  }

  @Test
  void containersDeployedThroughTheApiOutliveTheServer() throws Exception {
    assertThat(node.send(HttpMethod.POST, "/api/containers",
        new JsonObject().put("container_type", "sink").put("container_id", "s3")).statusCode()).isEqualTo(201);
    ApiTestNode.await(node.server.close());
    assertThat(node.runtime.containers().get("s3").state()).isEqualTo(ContainerState.RUNNING);
  }

  @Test
  void postWithParentDeploysASubContainer() throws Exception {
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers", new JsonObject()
        .put("parent", "group").put("container_type", "sink").put("container_id", "inner2"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getString("parent")).isEqualTo("group");
    Container group = node.runtime.containers().get("group");
    assertThat(group.children()).extracting(Container::id).containsExactly("inner", "inner2");
    assertThat(node.runtime.topology().parentId("inner2")).contains("group");
    // and it goes with its parent
    assertThat(node.send(HttpMethod.DELETE, "/api/containers/group", null).statusCode()).isEqualTo(200);
    assertThat(node.runtime.containers()).doesNotContainKeys("group", "inner", "inner2");
  }

  @Test
  void aBadEntryGetsTheTopologyFilesErrorsWithPathsInTheEntryAndNothingIsApplied() throws Exception {
    JsonObject entry = new JsonObject()
        .put("container_type", "ticker")
        .put("container_id", "bad1")
        .put("threading", "sideways")
        .put("interval_ms", 0)
        .put("external_events", new JsonObject().put("subscribes", new JsonArray()
            .add(new JsonObject().put("source", "nowhere").put("events", new JsonArray().add("SIGNAL").add("NOPE")))));
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers", entry);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");

    // the same entry in the topology file, under the label bad1
    @SuppressWarnings("unchecked")
    JsonObject file = new JsonObject((java.util.Map<String, Object>) new Yaml().load(TOPOLOGY));
    file.put("bad1", entry.copy());
    List<Problem> expected = new TopologyValidator(ApiTestTypes.registry()).check(file).problems();
    assertThat(expected).isNotEmpty();
    assertThat(details.stream().map(o -> ((JsonObject) o).getString("path") + ": " + ((JsonObject) o).getString("message")))
        .containsExactlyInAnyOrderElementsOf(expected.stream()
            .map(p -> p.path().replaceFirst("^bad1\\.", "") + ": " + p.message()).toList());
    assertThat(details.stream().map(o -> ((JsonObject) o).getString("path")))
        .contains("threading", "symbols", "external_events.subscribes[0].events[1]");

    assertThat(node.runtime.containers()).doesNotContainKey("bad1");
    assertThat(node.runtime.topology().container("bad1")).isEmpty();
  }

  @Test
  void aMissingIdOrTypeOrADuplicateOrAnUnknownParentIsRefused() throws Exception {
    HttpResponse<Buffer> noId = node.send(HttpMethod.POST, "/api/containers", new JsonObject().put("container_type", "sink"));
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("container_id");

    HttpResponse<Buffer> noType = node.send(HttpMethod.POST, "/api/containers", new JsonObject().put("container_id", "x"));
    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(noType.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("container_type");

    HttpResponse<Buffer> dup = node.send(HttpMethod.POST, "/api/containers",
        new JsonObject().put("container_type", "sink").put("container_id", "inner"));
    assertThat(dup.statusCode()).isEqualTo(409);

    HttpResponse<Buffer> parent = node.send(HttpMethod.POST, "/api/containers",
        new JsonObject().put("container_type", "sink").put("container_id", "x").put("parent", "ghost"));
    assertThat(parent.statusCode()).isEqualTo(404);
    assertThat(parent.bodyAsJsonObject().getString("error")).contains("ghost");

    HttpResponse<Buffer> notJson = node.await(node.client.post("/api/containers")
        .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN).putHeader("content-type", "application/json")
        .sendBuffer(Buffer.buffer("{not json")));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(node.runtime.containers()).containsOnlyKeys("feed", "sink", "group", "inner");
  }

  @Test
  void putRedeploysWithNewSubscriptionsUnderTheSameId() throws Exception {
    Container before = node.runtime.containers().get("sink");
    JsonObject entry = new JsonObject()
        .put("container_type", "sink")
        .put("external_events", new JsonObject().put("subscribes", new JsonArray()
            .add(new JsonObject().put("source", "feed").put("events", new JsonArray().add("SIGNAL"))
                .put("filters", new JsonObject().put("symbols", new JsonArray().add("MSFT"))))));
    HttpResponse<Buffer> r = node.send(HttpMethod.PUT, "/api/containers/sink", entry);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    Container after = node.runtime.containers().get("sink");
    assertThat(after).isNotSameAs(before);
    assertThat(before.state()).isEqualTo(ContainerState.STOPPED);
    assertThat(after.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(after.spec().subscriptions().get(0).filter().symbols()).containsExactly("MSFT");
    assertThat(node.runtime.topology().container("sink").orElseThrow().subscriptions().get(0).filter().symbols())
        .containsExactly("MSFT");
    assertThat(r.bodyAsJsonObject().getJsonArray("subscriptions").getJsonObject(0).getJsonObject("filters")
        .getJsonArray("symbols")).containsExactly("MSFT");
    eventually("the new sink receives", () -> after.eventsIn() > 0);
  }

  @Test
  void aRedeployThatCannotStartBringsThePreviousVersionBack() throws Exception {
    Container before = node.runtime.containers().get("sink");
    HttpResponse<Buffer> r = node.send(HttpMethod.PUT, "/api/containers/sink", new JsonObject().put("container_type", "failing"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("cannot start sink", "the previous version runs again");
    Container now = node.runtime.containers().get("sink");
    assertThat(now.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(now.spec()).isEqualTo(before.spec());
    assertThat(node.runtime.topology().container("sink").orElseThrow().type()).isEqualTo("sink");
  }

  @Test
  void putWithAnotherIdOrABadEntryIsRefused() throws Exception {
    HttpResponse<Buffer> rename = node.send(HttpMethod.PUT, "/api/containers/sink",
        new JsonObject().put("container_type", "sink").put("container_id", "other"));
    assertThat(rename.statusCode()).isEqualTo(400);
    assertThat(rename.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("container_id");
    HttpResponse<Buffer> bad = node.send(HttpMethod.PUT, "/api/containers/sink",
        new JsonObject().put("container_type", "no_such_type"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("container_type");
    assertThat(node.runtime.containers().get("sink").state()).isEqualTo(ContainerState.RUNNING);
  }

  @Test
  void deleteUndeploysButNotWhileOthersSubscribeToIt() throws Exception {
    HttpResponse<Buffer> refused = node.send(HttpMethod.DELETE, "/api/containers/feed", null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"))
        .isEqualTo("sink.external_events.subscribes[0].source");
    assertThat(node.runtime.containers().get("feed").state()).isEqualTo(ContainerState.RUNNING);

    Container sink = node.runtime.containers().get("sink");
    HttpResponse<Buffer> r = node.send(HttpMethod.DELETE, "/api/containers/sink", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(sink.state()).isEqualTo(ContainerState.STOPPED);
    assertThat(node.runtime.containers()).doesNotContainKey("sink");
    assertThat(node.send(HttpMethod.DELETE, "/api/containers/feed", null).statusCode()).isEqualTo(200);
    assertThat(node.runtime.containers()).containsOnlyKeys("group", "inner");
    assertThat(node.runtime.topology().allContainers()).containsOnlyKeys("group", "inner");
  }
}
