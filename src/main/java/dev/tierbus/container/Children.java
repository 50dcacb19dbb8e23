package dev.tierbus.container;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The children of one container and their deployment: all of them when it starts, one more or
 * one less while it runs (a runtime change). Children are deployed from the parent's context,
 * so Vert.x undeploys them with it.
 */
final class Children {

  // copy-on-write: siblings read it from their own threads while the API adds or removes children
  private final List<Container> list = new CopyOnWriteArrayList<>();

  void add(Container child) {
    list.add(child);
  }

  List<Container> list() {
    return Collections.unmodifiableList(list);
  }

  boolean contains(Container child) {
    return list.contains(child);
  }

  /** The child with {@code id}, or null. */
  Container byId(String id) {
    for (Container c : list) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Deploys every child, one after the other (on the parent's context, while it starts). */
  Future<Void> deployAll(Vertx vertx) {
    Future<Void> chain = Future.succeededFuture();
    for (Container child : list) {
      chain = chain.compose(v -> vertx.deployVerticle(child, ContainerDeployer.deploymentOptions(child.spec())).mapEmpty());
    }
    return chain;
  }

  /**
   * Deploys {@code child} under {@code parent} from the parent's context; on success its
   * {@code onSystemStarted} runs, on failure it is not kept.
   */
  Future<Void> deploy(Container parent, Context context, Vertx vertx, Container child) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      child.adoptedBy(parent);
      list.add(child);
      vertx.deployVerticle(child, ContainerDeployer.deploymentOptions(child.spec()))
          .onSuccess(id -> child.systemStarted())
          .onFailure(e -> {
            list.remove(child);
            child.adoptedBy(null);
          })
          .<Void>mapEmpty()
          .onComplete(done);
    });
    return done.future();
  }

  /** Undeploys {@code child} (and its own children) from the parent's context and forgets it. */
  Future<Void> undeploy(Context context, Vertx vertx, Container child) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      String deploymentId = child.deploymentID();
      Future<Void> undeployed = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
      undeployed.onComplete(ar -> list.remove(child)).onComplete(done);
    });
    return done.future();
  }
}
