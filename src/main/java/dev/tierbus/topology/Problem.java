package dev.tierbus.topology;

import java.util.Objects;

/**
 * One thing wrong with a topology file: where ({@code path}, the key path such as
 * {@code strategy_ensemble_container.sub_containers[1].strategy}, or the file name for a
 * problem with the file itself) and what was expected.
 *
 * @param path the key path of the bad value
 * @param message what is wrong and what was expected
 */
public record Problem(String path, String message) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code path: message}, the form printed by the command line. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
