package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code validate} on each kind of bad file, with the built-in container types: exit code 2
 * and the key path of the problem on stderr.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ValidateBadFilesTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown container type     | feed: {container_type: no_such}                                                                          | feed.container_type: unknown container type 'no_such'
      unknown event type         | feed: {container_type: synthetic_feed, external_events: {publishes: [{events: [BAR, BARZ]}]}}          | feed.external_events.publishes[0].events[1]: unknown event type 'BARZ'
      source that does not exist | p: {container_type: printer, external_events: {subscribes: [{source: ghost, events: [BAR]}]}}          | p.external_events.subscribes[0].source: no container with id 'ghost'
      wrong value type           | feed: {container_type: synthetic_feed, volatility: high}                                                | feed.volatility:
      duplicate ids              | a: {container_type: printer}\\nb: {container_type: printer, container_id: a}                             | b.container_id:
      bad parameter of a type    | ind: {container_type: indicator, indicators: [{type: NOPE}]}                                            | ind.indicators[0].type:
      bad router value           | event_router: {tiers: {fast: {optimizations: {batching: {batch_size: 0}}}}}                             | event_router.tiers.fast.optimizations.batching.batch_size:
      unknown filter key         | f: {container_type: synthetic_feed}\\np: {container_type: printer, external_events: {subscribes: [{source: f, events: [BAR], filters: {colour: red}}]}} | p.external_events.subscribes[0].filters.colour:
      bad ensemble weights       | e: {container_type: strategy_ensemble, sub_containers: [{container_type: strategy, container_id: s1, strategy: {type: momentum}}], internal_events: {aggregation: {weights: {s9: 1.0}}}} | e.internal_events.aggregation.weights.s9:
      """)
  void aBadFileIsRefusedWithItsKeyPathAndExitCode2(String kind, String yaml, String expected) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml.replace("\\n", "\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TierbusCli.execute(new String[] {"validate", "--topology", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        ContainerRegistry.withDefaults());
    assertThat(code).as(kind).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("ok");
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(kind).anyMatch(l -> l.startsWith(expected));
  }
}
