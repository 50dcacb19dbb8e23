package dev.tierbus.topology.impl;

import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Threading;
import dev.tierbus.topology.impl.ExternalEvents.DeclaredPublication;
import dev.tierbus.topology.impl.ExternalEvents.DeclaredSubscription;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * One container entry as read, with the paths of its parts, before the checks that need the
 * whole file (unique ids, subscription sources, tiers). Fields are null where the entry had a
 * problem.
 *
 * @param path the entry's key path
 * @param id {@code container_id} (or the label it defaults to)
 * @param idPath where the id comes from ({@code path.container_id}, or {@code path} for a label)
 */
public record ContainerDraft(
    String path,
    String id,
    String idPath,
    String type,
    JsonObject params,
    List<DeclaredPublication> publications,
    List<DeclaredSubscription> subscriptions,
    JsonObject internalEvents,
    Threading threading,
    List<ContainerDraft> children) {

  /** This draft and all its descendants, depth first in file order. */
  public void forEach(Consumer<ContainerDraft> action) {
    action.accept(this);
    for (ContainerDraft child : children) {
      child.forEach(action);
    }
  }

  /** The spec; call only when the whole file is free of problems. */
  public ContainerSpec toSpec() {
    return new ContainerSpec(
        id,
        type,
        params,
        publications.stream().map(DeclaredPublication::publication).toList(),
        subscriptions.stream().map(DeclaredSubscription::subscription).toList(),
        internalEvents,
        threading,
        children.stream().map(ContainerDraft::toSpec).toList());
  }
}
