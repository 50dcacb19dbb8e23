package dev.tierbus.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems and warnings of one reading of configuration, in the order they are
 * found, so that one pass reports everything that is wrong.
 */
public final class Problems {

  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  public void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** A key that is accepted but changes nothing (or something the user should know). */
  public void warn(String path, String message) {
    warnings.add(new Problem(path, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** How many problems were found so far: a reader compares it before and after a part. */
  public int count() {
    return problems.size();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** The warnings, each as {@code path: message}. */
  public List<String> warnings() {
    return warnings.stream().map(Problem::toString).toList();
  }
}
