package dev.tierbus.topology;

import dev.tierbus.config.Problem;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.router.RouteHold;
import dev.tierbus.topology.ContainerChangeException.Reason;
import dev.tierbus.topology.impl.SourceEdits.Location;
import dev.tierbus.topology.impl.SourceEdits;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys, redeploys and undeploys containers of a running topology, one change at a time.
 *
 * <p>Every change is checked first exactly as the topology file is: the change is applied to a
 * copy of the file's content ({@link Topology#source()}) and the whole copy is validated, so a
 * posted entry gets the file's errors, with key paths relative to the entry. A refused change
 * touches nothing. Only after the containers changed does the runtime's topology become the
 * checked copy.
 *
 * <p>Redeploying undeploys the old container (which drains its subscriptions: queued standard
 * events are handled, reliable deliveries in flight are finished or left in the journal for the
 * same subscriber id) and deploys the new one under the same id; if the new one fails to start,
 * the old spec is deployed again.
 */
final class RuntimeChanges {

  private static final Logger log = LoggerFactory.getLogger(RuntimeChanges.class);

  /** The result of a successful change: the new topology and the container concerned. */
  record Applied(Topology topology, Container container) {}

  private final ContainerRegistry registry;
  private final ContainerDeployer deployer;
  private final ContainerDeployment deployment;
  private final String nodeName;
  private final Context context;
  private Future<?> last = Future.succeededFuture();

  /**
   * @param context where changes run: Vert.x makes a deployment the child of the deployment
   *     of the context it is made on, so changes requested from an HTTP server's context must
   *     not deploy there (closing the server would undeploy the containers); the context the
   *     topology was deployed from is used instead
   */
  RuntimeChanges(ContainerRegistry registry, ContainerDeployer deployer, ContainerDeployment deployment, String nodeName,
      Context context) {
    this.context = context;
    this.registry = registry;
    this.deployer = deployer;
    this.deployment = deployment;
    this.nodeName = nodeName;
  }

  String nodeName() {
    return nodeName;
  }

  /** Runs {@code change} after the changes before it, whatever their outcome. */
  synchronized <T> Future<T> serially(Supplier<Future<T>> change) {
    Future<T> next = last.transform(ar -> {
      Promise<T> done = Promise.promise();
      context.runOnContext(v -> {
        try {
          change.get().onComplete(done);
        } catch (RuntimeException e) {
          done.fail(e);
        }
      });
      return done.future();
    });
    last = next;
    return next;
  }

  Future<Applied> deploy(Topology current, JsonObject entry, String parentId) {
    String id = entry.getValue("container_id") instanceof String s ? s : null;
    List<Problem> shape = checkShape(entry, true);
    if (!shape.isEmpty()) {
      return Future.failedFuture(new ContainerChangeException(Reason.INVALID, "the container entry is not valid", shape));
    }
    if (current.container(id).isPresent()) {
      return Future.failedFuture(new ContainerChangeException(Reason.CONFLICT, "a container with id '" + id + "' exists",
          List.of(new Problem("container_id", "duplicate container id '" + id + "'"))));
    }
    JsonObject source = current.source();
    String path;
    Container parent = null;
    if (parentId != null) {
      parent = deployment.container(parentId);
      Location at = SourceEdits.find(source, parentId);
      if (parent == null || at == null) {
        return Future.failedFuture(new ContainerChangeException(Reason.NOT_FOUND, "no container '" + parentId + "' to deploy under"));
      }
      path = SourceEdits.addChild(at, entry.copy());
    } else {
      path = SourceEdits.addTopLevel(source, id, entry.copy(), nodeName);
    }
    Topology next = check(source, path);
    ContainerSpec spec = next.container(id).orElseThrow();
    refuseFileOnlyChanges(spec, null);
    Container under = parent;
    Future<Container> deployed = under == null
        ? deployer.deployRoot(deployment, spec)
        : buildAnd(spec, c -> under.deployChild(c));
    return deployed
        .recover(e -> Future.failedFuture(new ContainerChangeException(Reason.FAILED,
            "deploying '" + id + "' failed: " + message(e))))
        .map(c -> new Applied(next, c));
  }

  Future<Applied> redeploy(Topology current, String id, JsonObject entry) {
    Container old = deployment.container(id);
    Location at = SourceEdits.find(current.source(), id);
    if (old == null || at == null) {
      return Future.failedFuture(new ContainerChangeException(Reason.NOT_FOUND, "no container '" + id + "'"));
    }
    List<Problem> shape = checkShape(entry, false);
    Object givenId = entry.getValue("container_id");
    if (givenId != null && !id.equals(givenId)) {
      shape = new ArrayList<>(shape);
      shape.add(new Problem("container_id", "must be '" + id + "' (the id in the path), was " + show(givenId)
          + "; to rename a container, delete it and deploy the new one"));
    }
    if (!shape.isEmpty()) {
      return Future.failedFuture(new ContainerChangeException(Reason.INVALID, "the container entry is not valid", shape));
    }
    JsonObject source = current.source();
    Location place = SourceEdits.find(source, id);
    JsonObject newEntry = entry.copy();
    if (place.label() == null || !place.label().equals(id)) {
      newEntry.put("container_id", id);
    }
    String path = SourceEdits.replace(source, place, newEntry);
    Topology next = check(source, path);
    ContainerSpec spec = next.container(id).orElseThrow();
    ContainerSpec oldSpec = old.spec();
    refuseFileOnlyChanges(spec, oldSpec);
    Container parent = old.parent();
    // while the two are swapped, reliable-tier events for them keep being journalled; they are
    // delivered to the new one when it subscribes
    RouteHold hold = old.router().holdReliableRoutes(idsOf(old, new ArrayList<>()));
    return undeployOne(old)
        .compose(v -> deployOne(parent, spec, old))
        .recover(e -> {
          log.error("redeploying container {} failed, deploying its previous spec again: {}", id, e.toString());
          return deployOne(parent, oldSpec, old).transform(ar -> Future.failedFuture(new ContainerChangeException(Reason.FAILED,
              "redeploying '" + id + "' failed: " + message(e) + (ar.succeeded()
                  ? "; the previous version runs again"
                  : "; the previous version could not be started again either: " + message(ar.cause())))));
        })
        .onComplete(ar -> hold.release())
        .map(c -> new Applied(next, c));
  }

  private static List<String> idsOf(Container c, List<String> into) {
    into.add(c.id());
    for (Container child : c.children()) {
      idsOf(child, into);
    }
    return into;
  }

  Future<Applied> undeploy(Topology current, String id) {
    Container old = deployment.container(id);
    Location at = SourceEdits.find(current.source(), id);
    if (old == null || at == null) {
      return Future.failedFuture(new ContainerChangeException(Reason.NOT_FOUND, "no container '" + id + "'"));
    }
    JsonObject source = current.source();
    SourceEdits.remove(source, SourceEdits.find(source, id), id);
    TopologyValidator.Result result = new TopologyValidator(registry).check(source);
    if (!result.ok()) {
      return Future.failedFuture(new ContainerChangeException(Reason.CONFLICT, "the topology without '" + id
          + "' (and its sub-containers) would not be valid; change or remove what refers to it first",
          result.problems()));
    }
    return undeployOne(old).map(v -> new Applied(result.topology(), old));
  }

  // ---------------------------------------------------------------- steps

  private Future<Void> undeployOne(Container c) {
    return c.parent() == null ? deployment.undeployRoot(c.id()) : c.parent().undeployChild(c);
  }

  /** Builds a container for {@code spec} that takes over from {@code predecessor}, and deploys it. */
  private Future<Container> deployOne(Container parent, ContainerSpec spec, Container predecessor) {
    Container c;
    try {
      c = deployer.build(spec);
      c.replaces(predecessor);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return parent == null ? deployer.deployRoot(deployment, c) : parent.deployChild(c).map(v -> c);
  }

  private Future<Container> buildAnd(ContainerSpec spec, java.util.function.Function<Container, Future<Void>> deploy) {
    Container c;
    try {
      c = deployer.build(spec);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deploy.apply(c).map(v -> c);
  }

  /**
   * Validates the edited file; problems inside the edited entry get paths relative to it.
   *
   * @throws ContainerChangeException INVALID with every problem
   */
  private Topology check(JsonObject source, String entryPath) {
    TopologyValidator.Result result = new TopologyValidator(registry).check(source);
    if (result.ok()) {
      return result.topology();
    }
    List<Problem> relative = new ArrayList<>();
    for (Problem p : result.problems()) {
      relative.add(new Problem(relativePath(p.path(), entryPath), p.message()));
    }
    throw new ContainerChangeException(Reason.INVALID, "the container entry is not valid", relative);
  }

  /**
   * Refuses a posted entry (and its sub-containers) that gives a file-only parameter
   * ({@link dev.tierbus.container.ContainerFactory#fileOnlyParameters()}) another value than the
   * container it replaces has.
   *
   * @throws ContainerChangeException INVALID naming each such key
   */
  private void refuseFileOnlyChanges(ContainerSpec spec, ContainerSpec replaced) {
    List<Problem> problems = new ArrayList<>();
    fileOnlyChanges(spec, replaced, "", problems);
    if (!problems.isEmpty()) {
      throw new ContainerChangeException(Reason.INVALID, "the container entry is not valid", problems);
    }
  }

  private void fileOnlyChanges(ContainerSpec spec, ContainerSpec replaced, String path, List<Problem> into) {
    boolean sameType = replaced != null && replaced.type().equals(spec.type());
    for (String key : registry.factory(spec.type()).fileOnlyParameters()) {
      Object given = spec.params().getValue(key);
      if (given != null && !(sameType && given.equals(replaced.params().getValue(key)))) {
        Object current = sameType ? replaced.params().getValue(key) : null;
        into.add(new Problem(path + key, "can only be set in the topology file, not through the API (it decides what"
            + " the node may touch on its host); " + (current != null ? "give " + current + " (the value it has) or"
            + " leave it out" : "leave it out")));
      }
    }
    List<ContainerSpec> children = spec.children();
    for (int i = 0; i < children.size(); i++) {
      ContainerSpec child = children.get(i);
      ContainerSpec before = null;
      if (replaced != null) {
        for (ContainerSpec c : replaced.children()) {
          if (c.id().equals(child.id())) {
            before = c;
          }
        }
      }
      fileOnlyChanges(child, before, path + "sub_containers[" + i + "].", into);
    }
  }

  static String relativePath(String path, String entryPath) {
    if (path.equals(entryPath)) {
      return "";
    }
    if (path.startsWith(entryPath + ".")) {
      return path.substring(entryPath.length() + 1);
    }
    return path;
  }

  /** What the file's own check cannot say about a posted entry: that it is one. */
  private static List<Problem> checkShape(JsonObject entry, boolean idRequired) {
    List<Problem> problems = new ArrayList<>();
    Object type = entry.getValue("container_type");
    if (!(type instanceof String s) || s.isBlank()) {
      problems.add(new Problem("container_type", type == null ? "required, expected a string"
          : "expected a container type name, got " + show(type)));
    }
    Object id = entry.getValue("container_id");
    if (id == null && idRequired) {
      problems.add(new Problem("container_id", "required, expected a string"));
    } else if (id != null && (!(id instanceof String s) || s.isBlank())) {
      problems.add(new Problem("container_id", "expected a non-blank string, got " + show(id)));
    }
    return problems;
  }

  private static String show(Object v) {
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
