package dev.tierbus.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How a key that a container type does not take is reported: as an error that suggests the
 * closest key it does take, so a typo reads {@code slipage_bps: unknown parameter of execution,
 * did you mean slippage_bps?} instead of being ignored.
 *
 * <p>Closeness is the Levenshtein distance of the lower-cased keys, allowed to grow with the
 * key's length (1 up to 5 characters, 2 up to 10, 3 beyond): close enough for a dropped,
 * doubled, swapped or wrong letter, far enough that an unrelated key suggests nothing (then
 * the message lists what the type takes).
 */
public final class UnknownParameters {

  private UnknownParameters() {}

  /**
   * The message for {@code key}, which is not one of {@code parameters}.
   *
   * @param owner what the parameters belong to, e.g. the container type {@code execution}
   * @param parameters what the owner takes
   * @param alsoSuggested keys that are not parameters but may have been meant (a container
   *     entry's structural keys, such as {@code external_events}); suggested, never listed
   */
  public static String message(String key, String owner, Collection<String> parameters,
      Collection<String> alsoSuggested) {
    TreeSet<String> candidates = new TreeSet<>(parameters);
    candidates.addAll(alsoSuggested);
    String head = "unknown parameter of " + owner;
    Optional<String> meant = closest(key, candidates);
    if (meant.isPresent()) {
      return head + ", did you mean " + meant.get() + "?";
    }
    if (parameters.isEmpty()) {
      return head + ", which takes none";
    }
    return head + ", expected one of " + String.join(", ", new TreeSet<>(parameters));
  }

  /** The candidate closest to {@code key} within the allowed distance (the first in sorted order on a tie). */
  public static Optional<String> closest(String key, Collection<String> candidates) {
    String k = key.toLowerCase(Locale.ROOT);
    LevenshteinDistance distance = new LevenshteinDistance(allowedDistance(k));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int d = distance.apply(k, candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d < bestDistance && !candidate.equals(key)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int allowedDistance(String key) {
    return key.length() <= 5 ? 1 : key.length() <= 10 ? 2 : 3;
  }
}
