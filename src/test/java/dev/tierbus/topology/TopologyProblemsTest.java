package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad topology file is refused, each problem at the exact key path. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class TopologyProblemsTest {

  @TempDir
  Path dir;

  /** Checks {@code yaml} and hands the problems to {@code assertions}. */
  private void expect(Vertx vertx, VertxTestContext ctx, String yaml, ProblemsAssertion assertions) {
    TestFiles.check(vertx, TestFiles.write(dir, yaml)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.ok()).as("refused").isFalse();
      assertThat(r.topology()).isNull();
      assertions.check(r);
      ctx.completeNow();
    })));
  }

  @FunctionalInterface
  private interface ProblemsAssertion {
    void check(TopologyValidator.Result r);
  }

  private static Problem problemAt(TopologyValidator.Result r, String path) {
    return r.problems().stream().filter(p -> p.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + r.problems()));
  }

  @Test
  void unknownContainerTypeNamesTheKnownOnes(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        ens:
          container_type: strategy_ensemble
          sub_containers:
            - {container_type: strategy, container_id: a, strategy: {type: x}}
            - {container_type: strategegy, container_id: b}
        """, r -> {
          assertThat(r.problems()).hasSize(1);
          assertThat(problemAt(r, "ens.sub_containers[1].container_type").message())
              .startsWith("unknown container type 'strategegy', known: [data, failing, indicator,");
        });
  }

  @Test
  void unknownEventType(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        data_container:
          container_type: data
          external_events:
            subscribes:
              - events: [BAR, BARZ]
        """, r -> {
          assertThat(r.problems()).hasSize(1);
          assertThat(problemAt(r, "data_container.external_events.subscribes[0].events[1]").message())
              .startsWith("unknown event type 'BARZ', expected one of BAR, TICK");
        });
  }

  @Test
  void subscriptionSourceThatDoesNotExist(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        data_container: {container_type: data}
        strat:
          container_type: data
          external_events:
            subscribes:
              - {source: data_containr, events: [BAR]}
              - {source: strat, events: [BAR]}
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactly(
              "strat.external_events.subscribes[0].source: no container with id 'data_containr',"
                  + " known: [data_container, strat]",
              "strat.external_events.subscribes[1].source: a container never receives its own events;"
                  + " 'strat' is the subscribing container");
        });
  }

  @Test
  void wrongValueTypes(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        a:
          container_type: data
          container_id: 42
          threading: 1
          params: [1, 2]
          external_events:
            publishes:
              - events: BAR
            subscribes:
              - events: [BAR]
                filters: {symbols: [AAPL, NO, 7203], timeframe: {m: 1}}
          sub_containers: {container_type: data}
        event_router:
          tiers:
            fast:
              optimizations:
                batching: {batch_size: big, enabled: "yes"}
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
              "a.container_id: expected a string, got number 42 (quote it to make it a string)",
              "a.params: expected a map, got a list",
              "a.external_events.publishes[0].events: expected a list of event type names, got string 'BAR'",
              "a.external_events.subscribes[0].filters.symbols[1]: expected a string, got boolean false"
                  + " (quote it to make it a string)",
              "a.external_events.subscribes[0].filters.symbols[2]: expected a string, got number 7203"
                  + " (quote it to make it a string)",
              "a.external_events.subscribes[0].filters.timeframe: expected a string or a list of strings, got a map",
              "a.threading: expected a string, got number 1 (quote it to make it a string)",
              "a.sub_containers: expected a list of container entries, got a map",
              "event_router.tiers.fast.optimizations.batching.batch_size: expected an integer, got string 'big'",
              "event_router.tiers.fast.optimizations.batching.enabled: expected true or false, got string 'yes'");
        });
  }

  @Test
  void duplicateIdsTopLevelAndNestedNameBothPaths(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        momentum_fast: {container_type: data}
        ens:
          container_type: strategy_ensemble
          sub_containers:
            - {container_type: strategy, container_id: momentum_fast, strategy: {type: m}}
        containers:
          - {container_type: data, container_id: ens}
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactly(
              "ens.sub_containers[0].container_id: duplicate container id 'momentum_fast', also used at momentum_fast",
              "containers[0].container_id: duplicate container id 'ens', also used at ens");
        });
  }

  @Test
  void unknownKeysInSubscriptionPublicationAndFilter(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        data: {container_type: data}
        s:
          container_type: data
          external_events:
            publishes:
              - {events: [SIGNAL], priority: high}
            subscribes:
              - {sorce: data, events: [BAR], filters: {symbol: AAPL}}
            receives: []
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactly(
              "s.external_events.receives: unknown key 'receives', expected one of publishes, subscribes",
              "s.external_events.publishes[0].priority: unknown key 'priority', expected one of events, tier, scope, qos",
              "s.external_events.subscribes[0].sorce: unknown key 'sorce', expected one of source, events, tier, filters",
              "s.external_events.subscribes[0].filters.symbol: unknown key 'symbol',"
                  + " expected one of symbols, types, timeframe, regime");
        });
  }

  @Test
  void badTierScopeQosAndThreadingNames(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        s:
          container_type: data
          threading: virtual
          internal_communication: zeromq
          external_events:
            publishes:
              - {events: [SIGNAL], tier: fastest, scope: WORLD, qos: exactly_once}
            subscribes:
              - {events: [BAR], tier: slow}
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactly(
              "s.external_events.publishes[0].tier: unknown tier 'fastest', expected one of fast, standard, reliable",
              "s.external_events.publishes[0].scope: unknown scope 'WORLD',"
                  + " expected one of GLOBAL, PARENT, CHILDREN, SIBLINGS",
              "s.external_events.publishes[0].qos: unknown qos 'exactly_once', expected best_effort or guaranteed",
              "s.external_events.subscribes[0].tier: unknown tier 'slow', expected one of fast, standard, reliable",
              "s.threading: unknown threading 'virtual', expected worker or event_loop",
              "s.internal_communication: unknown internal_communication 'zeromq', expected direct_bus"
                  + " (components call each other directly; containers use the local bus)");
        });
  }

  @Test
  void outOfRangeRouterValues(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        event_router:
          tiers:
            fast:
              optimizations:
                batching: {batch_size: 0}
            standard:
              optimizations:
                async_delivery: {queue_size: -5}
            reliable:
              guarantees: {retry_attempts: 3}
              optimizations:
                retry: {backoff_multiplier: 0.5}
        """, r -> {
          assertThat(r.problems()).extracting(Problem::toString).containsExactly(
              "event_router.tiers.fast.optimizations.batching.batch_size: must be in [1, 1000000], was 0",
              "event_router.tiers.standard.optimizations.async_delivery.queue_size: must be in [1, 10000000], was -5",
              "event_router.tiers.reliable.optimizations.retry.backoff_multiplier:"
                  + " must be a finite number >= 1.0, was 0.5");
        });
  }

  @Test
  void retryDelaysThatContradictEachOther(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        event_router:
          tiers:
            reliable:
              optimizations:
                retry: {base_delay_ms: 5000, max_delay_ms: 100}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "event_router.tiers.reliable.optimizations.retry: max_delay_ms (100) must be >= base_delay_ms (5000)"));
  }

  @Test
  void eventListedUnderTwoTiers(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        event_router:
          tiers:
            fast: {events: [BAR, TICK]}
            standard: {events: [SIGNAL, bar]}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "event_router.tiers.standard.events[1]: BAR is already listed under event_router.tiers.fast.events[0];"
                + " an event type travels on one tier per node"));
  }

  @Test
  void unknownKeysInsideTheRouterSection(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        event_router:
          tiers:
            turbo: {}
            fast:
              guarantees: {retry_attempts: 3}
              optimizations:
                memory: {in_memory_only: true, swap: false}
        """, r -> assertThat(r.problems()).extracting(Problem::path).containsExactly(
            "event_router.tiers.turbo",
            "event_router.tiers.fast.guarantees",
            "event_router.tiers.fast.optimizations.memory.swap"));
  }

  @Test
  void subscriberExpectingAnotherTierThanThePublisher(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        data: {container_type: data, external_events: {publishes: [{events: [BAR], tier: fast}]}}
        s:
          container_type: data
          external_events:
            subscribes:
              - {source: data, events: [BAR], tier: standard}
              - {events: [SIGNAL], tier: reliable}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "s.external_events.subscribes[0].tier: expects BAR on the standard tier, but 'data' publishes it"
                + " on the fast tier (declared at data.external_events.publishes[0])",
            "s.external_events.subscribes[1].tier: expects SIGNAL on the reliable tier, but it travels on"
                + " the standard tier"));
  }

  @Test
  void guaranteedQosOnTheFastTier(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        data: {container_type: data, external_events: {publishes: [{events: [TICK], qos: guaranteed}]}}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "data.external_events.publishes[0].qos: guaranteed is not available for TICK on the fast tier"
                + " (best effort); use tier: standard or reliable"));
  }

  @Test
  void parameterProblemsOfTheTypeArePrefixedWithTheContainerPath(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        ens:
          container_type: strategy_ensemble
          sub_containers:
            - {container_type: strategy, container_id: a, strategy: {fast_period: 10}}
            - {container_type: strategy, container_id: b, params: {strategy: {fast_period: 10}}}
            - {container_type: strategy, container_id: c, params: {strategy: {type: m}}, strategy: {type: m}}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "ens.sub_containers[0].strategy.type: required, expected a string",
            "ens.sub_containers[1].params.strategy.type: required, expected a string",
            "ens.sub_containers[2].strategy: also given under params; give it once"));
  }

  @Test
  void topLevelKeysThatAreNoContainer(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        version: 2
        settings: {a: 1}
        containers:
          - {container_type: data}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "version: expected a container entry (a map with container_type) or one of event_router, deployment,"
                + " containers, journal, http (or x-... for anchors); got number 2",
            "settings: expected a container entry (a map with container_type) or one of event_router, deployment,"
                + " containers, journal, http (or x-... for anchors); got a map",
            "containers[0].container_id: required for a container in a list, expected a string"));
  }

  @Test
  void deploymentNodesNameExistingTopLevelContainersOnce(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        a: {container_type: data}
        b:
          container_type: strategy_ensemble
          sub_containers: [{container_type: data, container_id: b1}]
        c: {container_type: data}
        deployment:
          mode: distributed
          worker_pool_size: 0
          nodes:
            - {name: one, containers: [a, b1, x]}
            - {name: two, containers: [b, a]}
            - {name: one}
        """, r -> assertThat(r.problems()).extracting(Problem::toString).containsExactly(
            "deployment.nodes[2].name: duplicate node name 'one', also at deployment.nodes[0].name",
            "deployment.worker_pool_size: must be >= 1, was 0",
            "deployment.nodes[0].containers[1]: 'b1' is a sub-container of 'b'; nodes list top-level containers,"
                + " which run with their sub-containers",
            "deployment.nodes[0].containers[2]: no container with id 'x'",
            "deployment.nodes[1].containers[1]: container 'a' is already on node 'one'"
                + " (deployment.nodes[0].containers[0]); a container runs on one node",
            "deployment.nodes: container 'c' (c) is on no node; list it under one node's containers"));
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce(Vertx vertx, VertxTestContext ctx) {
    TestFiles.check(vertx, TestFiles.resource("bad.yaml")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).extracting(Problem::path).containsExactly(
          "feed.container_type",
          "feed.external_events.publishes[0].events[1]",
          "strategy.external_events.subscribes[0].source");
      ctx.completeNow();
    })));
  }

  @Test
  void yamlSyntaxErrorNamesTheFileAndLine(Vertx vertx, VertxTestContext ctx) {
    String file = TestFiles.resource("syntax-error.yaml");
    TopologyLoader.load(vertx, file, TestTypes.registry()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(TopologyException.class);
      assertThat(((TopologyException) e).problems()).singleElement().satisfies(p -> {
        assertThat(p.path()).isEqualTo(file);
        assertThat(p.message()).startsWith("YAML syntax error at line 4, column ");
      });
      ctx.completeNow();
    })));
  }

  @Test
  void aKeyGivenTwiceIsRefusedInsteadOfSilentlyDropped(Vertx vertx, VertxTestContext ctx) {
    String file = TestFiles.write(dir, """
        a: {container_type: data}
        a: {container_type: indicator}
        """);
    TopologyLoader.load(vertx, file, TestTypes.registry()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(((TopologyException) e).problems()).singleElement().hasToString(
          file + ": YAML error at line 2, column 1: found duplicate key a (while constructing a mapping"
              + " started at line 1, column 1)");
      ctx.completeNow();
    })));
  }

  @Test
  void missingFile(Vertx vertx, VertxTestContext ctx) {
    String file = dir.resolve("nope.yaml").toString();
    TopologyLoader.load(vertx, file, TestTypes.registry()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(((TopologyException) e).problems()).containsExactly(new Problem(file, "file not found"));
      ctx.completeNow();
    })));
  }

  @Test
  void aTopLevelThatIsNotAMap(Vertx vertx, VertxTestContext ctx) {
    String file = TestFiles.write(dir, "- a\n- b\n");
    TopologyLoader.load(vertx, file, TestTypes.registry()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(((TopologyException) e).problems()).containsExactly(new Problem(file,
          "expected a map of container entries and settings at the top level, got a list"));
      ctx.completeNow();
    })));
  }
}
