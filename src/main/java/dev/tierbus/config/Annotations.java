package dev.tierbus.config;

/**
 * Annotation keys: keys starting with {@value #PREFIX} ({@code x-owner}, {@code x-note}) are
 * accepted anywhere in a configuration entry, never checked and never read.
 */
public final class Annotations {

  public static final String PREFIX = "x-";

  private Annotations() {}

  /** True for an annotation key. */
  public static boolean isAnnotation(String key) {
    return key.startsWith(PREFIX);
  }
}
