package dev.tierbus.topology.impl;

import dev.tierbus.topology.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems and warnings of one validation run, in the order they are found. */
public final class Problems {

  private final List<Problem> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** A key that is accepted but changes nothing (or something the user should know). */
  public void warn(String path, String message) {
    warnings.add(new Problem(path, message).toString());
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
