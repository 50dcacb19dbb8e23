package dev.tierbus.topology;

import dev.tierbus.container.ContainerRegistry;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a topology file ({@code verticles.yaml}) with vertx-config's YAML store.
 *
 * <p>Before the store parses it, the file is checked once with a strict YAML reader so a
 * missing file, a syntax error (with its line and column) or a key given twice in one map
 * (YAML would silently keep the last one: a copied container entry would vanish) becomes a
 * {@link Problem} naming the file, not a stack trace. Nothing here blocks an event loop: the
 * file is read asynchronously and parsed on a worker.
 */
public final class TopologyLoader {

  private TopologyLoader() {}

  /**
   * Reads and validates {@code file}.
   *
   * @return the topology, or a failed Future with a {@link TopologyException} carrying every problem
   */
  public static Future<Topology> load(Vertx vertx, String file, ContainerRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return read(vertx, file).map(json -> new TopologyValidator(registry).validate(json));
  }

  /**
   * Reads {@code file} into JSON, unvalidated.
   *
   * @return the file's content, or a failed Future with a {@link TopologyException} whose one
   *     problem's path is {@code file}
   */
  public static Future<JsonObject> read(Vertx vertx, String file) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(file, "file");
    return vertx.fileSystem().props(file)
        .recover(e -> Future.failedFuture(unreadable(file, e)))
        .compose(props -> checkIsFile(file, props))
        .compose(v -> vertx.fileSystem().readFile(file))
        .recover(e -> Future.failedFuture(unreadable(file, e)))
        .compose(buffer -> vertx.executeBlocking(() -> {
          checkSyntax(file, buffer.toString(StandardCharsets.UTF_8));
          return null;
        }, false))
        .compose(v -> retrieve(vertx, file));
  }

  private static Future<Void> checkIsFile(String file, FileProps props) {
    if (props.isDirectory()) {
      return Future.failedFuture(TopologyException.of(file, "is a directory, expected a YAML file"));
    }
    return Future.succeededFuture();
  }

  private static Future<JsonObject> retrieve(Vertx vertx, String file) {
    ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
        .addStore(new ConfigStoreOptions()
            .setType("file")
            .setFormat("yaml")
            .setConfig(new JsonObject().put("path", file))));
    return retriever.getConfig()
        .eventually(() -> {
          retriever.close();
          return Future.succeededFuture();
        })
        .recover(e -> Future.failedFuture(TopologyException.of(file, "cannot read the YAML: " + e.getMessage())));
  }

  private static TopologyException unreadable(String file, Throwable e) {
    if (e instanceof TopologyException te) {
      return te;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof NoSuchFileException) {
        return TopologyException.of(file, "file not found");
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return TopologyException.of(file, "cannot read the file: " + root);
  }

  /** A strict parse: syntax errors with their position, duplicate keys, a top level that is not a map. */
  static void checkSyntax(String file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      throw TopologyException.of(file, describe(e));
    } catch (YAMLException e) {
      throw TopologyException.of(file, "YAML error: " + e.getMessage());
    }
    if (doc != null && !(doc instanceof Map)) {
      throw TopologyException.of(file, "expected a map of container entries and settings at the top level, got "
          + (doc instanceof Iterable ? "a list" : "'" + doc + "'"));
    }
  }

  private static String describe(MarkedYAMLException e) {
    Mark at = e.getProblemMark();
    String problem = e.getProblem() == null ? "" : e.getProblem().trim();
    StringBuilder sb = new StringBuilder(problem.startsWith("found duplicate key") ? "YAML error" : "YAML syntax error");
    if (at != null) {
      sb.append(" at line ").append(at.getLine() + 1).append(", column ").append(at.getColumn() + 1);
    }
    sb.append(": ").append(problem);
    if (e.getContext() != null) {
      sb.append(" (").append(e.getContext().trim());
      Mark ctx = e.getContextMark();
      if (ctx != null) {
        sb.append(" started at line ").append(ctx.getLine() + 1).append(", column ").append(ctx.getColumn() + 1);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
