package dev.tierbus.topology;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test files: the YAML resources under {@code topology/} and YAML text written to a temp dir. */
final class TestFiles {

  private TestFiles() {}

  /** The path of a resource under {@code src/test/resources/topology/}. */
  static String resource(String name) {
    try {
      return Paths.get(TestFiles.class.getResource("/topology/" + name).toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource topology/" + name, e);
    }
  }

  /** Writes {@code yaml} to {@code dir/topology.yaml} and returns its path. */
  static String write(Path dir, String yaml) {
    Path file = dir.resolve("topology.yaml");
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  /** Loads {@code file} and checks it with the test container types. */
  static Future<TopologyValidator.Result> check(Vertx vertx, String file) {
    return TopologyLoader.read(vertx, file).map(json -> new TopologyValidator(TestTypes.registry()).check(json));
  }
}
