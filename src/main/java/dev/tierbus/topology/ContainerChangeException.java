package dev.tierbus.topology;

import dev.tierbus.config.Problem;
import java.util.List;

/**
 * A runtime change to the containers (deploy, redeploy, undeploy) that was refused or failed.
 * Nothing of a refused change was applied; see {@link Reason} for a failed one.
 */
public final class ContainerChangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the change did not happen. */
  public enum Reason {
    /** The spec is not a valid container entry; {@link #problems()} says where, relative to the entry. */
    INVALID,
    /** No container (or parent) has the given id. */
    NOT_FOUND,
    /** The change conflicts with the running topology (the id exists, others depend on it). */
    CONFLICT,
    /**
     * Deploying failed after the checks passed; a redeploy was rolled back to the previous spec
     * (the message says whether that worked).
     */
    FAILED
  }

  private final Reason reason;
  private final transient List<Problem> problems;

  public ContainerChangeException(Reason reason, String message, List<Problem> problems) {
    super(message, null, false, false);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public ContainerChangeException(Reason reason, String message) {
    this(reason, message, List.of());
  }

  public Reason reason() {
    return reason;
  }

  /** Each problem with its key path (relative to the posted entry where it is inside it). */
  public List<Problem> problems() {
    return problems;
  }
}
