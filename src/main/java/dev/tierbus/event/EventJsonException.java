package dev.tierbus.event;

import java.util.List;
import java.util.stream.Collectors;

/** An event in JSON that cannot be read: every problem found, each with the path of the bad field. */
public final class EventJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * One bad field.
   *
   * @param path e.g. {@code payload.strength}
   * @param message what is wrong and what was expected
   */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public EventJsonException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
