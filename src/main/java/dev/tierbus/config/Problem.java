package dev.tierbus.config;

import java.util.Objects;

/**
 * One thing wrong with a piece of configuration: where ({@code path}, the key path such as
 * {@code strategy_ensemble_container.sub_containers[1].strategy}, or the file name for a
 * problem with the file itself) and what was expected. The topology file, a container's
 * parameters and the HTTP API's answers all speak of problems this way.
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
