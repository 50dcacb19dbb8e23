package dev.tierbus.container;

import dev.tierbus.config.Annotations;
import dev.tierbus.router.Publication;
import dev.tierbus.router.Subscription;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to build and wire one container: one entry of {@code verticles.yaml}
 * after validation.
 *
 * @param id unique container id ({@code container_id})
 * @param type registered container type ({@code container_type})
 * @param params type-specific parameters ({@code params} and every key that is not structural)
 * @param publications {@code external_events.publishes}
 * @param subscriptions {@code external_events.subscribes}; subscriber id is {@code id}
 * @param internalEvents {@code internal_events} (aggregation, coordination), may be empty
 * @param threading where the container's code runs
 * @param children {@code sub_containers}
 */
public record ContainerSpec(
    String id,
    String type,
    JsonObject params,
    List<Publication> publications,
    List<Subscription> subscriptions,
    JsonObject internalEvents,
    Threading threading,
    List<ContainerSpec> children) {

  /**
   * The keys of a topology entry that describe the container rather than parameterise its
   * type; every other key of the entry is a parameter.
   */
  public static final List<String> STRUCTURAL_KEYS = List.of(
      "container_type", "container_id", "params", "external_events", "internal_events",
      "sub_containers", "threading", "internal_communication", "optimization", "description");

  /**
   * Keys starting with this are annotations, anywhere in a container entry ({@code x-owner},
   * {@code x-note}): accepted, never checked, never read by a type.
   */
  public static final String ANNOTATION_PREFIX = Annotations.PREFIX;

  public ContainerSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    params = params == null ? new JsonObject() : params.copy();
    publications = publications == null ? List.of() : List.copyOf(publications);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    internalEvents = internalEvents == null ? new JsonObject() : internalEvents.copy();
    threading = threading == null ? Threading.WORKER : threading;
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** A spec with only an id and a type. */
  public static ContainerSpec of(String id, String type) {
    return new ContainerSpec(id, type, null, null, null, null, null, null);
  }

  public ContainerSpec withParams(JsonObject newParams) {
    return new ContainerSpec(id, type, newParams, publications, subscriptions, internalEvents, threading, children);
  }

  public ContainerSpec withPublications(List<Publication> newPublications) {
    return new ContainerSpec(id, type, params, newPublications, subscriptions, internalEvents, threading, children);
  }

  public ContainerSpec withSubscriptions(List<Subscription> newSubscriptions) {
    return new ContainerSpec(id, type, params, publications, newSubscriptions, internalEvents, threading, children);
  }

  public ContainerSpec withInternalEvents(JsonObject newInternalEvents) {
    return new ContainerSpec(id, type, params, publications, subscriptions, newInternalEvents, threading, children);
  }

  public ContainerSpec withThreading(Threading newThreading) {
    return new ContainerSpec(id, type, params, publications, subscriptions, internalEvents, newThreading, children);
  }

  public ContainerSpec withChildren(List<ContainerSpec> newChildren) {
    return new ContainerSpec(id, type, params, publications, subscriptions, internalEvents, threading, newChildren);
  }

  /** The params (a copy: specs are values). */
  @Override
  public JsonObject params() {
    return params.copy();
  }

  @Override
  public JsonObject internalEvents() {
    return internalEvents.copy();
  }
}
