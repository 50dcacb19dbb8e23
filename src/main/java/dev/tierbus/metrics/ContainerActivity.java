package dev.tierbus.metrics;

import java.util.Objects;

/**
 * The running totals of one container that its health is judged on.
 *
 * @param container the container's id
 * @param eventsIn events it received so far (external and internal)
 * @param componentErrors component invocations that threw so far
 */
public record ContainerActivity(String container, long eventsIn, long componentErrors) {

  public ContainerActivity {
    Objects.requireNonNull(container, "container");
  }
}
