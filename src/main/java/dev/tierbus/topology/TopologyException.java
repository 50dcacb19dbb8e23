package dev.tierbus.topology;

import dev.tierbus.config.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A topology file that cannot be used: it carries every {@link Problem} found, not just the
 * first, so one run of the validator shows everything to fix.
 */
public final class TopologyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public TopologyException(List<Problem> problems) {
    super(format(problems), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a TopologyException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A failure with one problem. */
  public static TopologyException of(String path, String message) {
    return new TopologyException(List.of(new Problem(path, message)));
  }

  /** Every problem, in the order of the file. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the topology:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
