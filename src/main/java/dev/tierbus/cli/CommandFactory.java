package dev.tierbus.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds the commands for picocli with their {@link CommandContext}, so that each command gets
 * what it may touch in its constructor: a class with a constructor taking a
 * {@code CommandContext} is built with it; anything else (picocli's own commands, converters) by
 * picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final CommandContext context;

  CommandFactory(CommandContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    Constructor<K> withContext;
    try {
      withContext = cls.getDeclaredConstructor(CommandContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(cls);
    }
    return withContext.newInstance(context);
  }
}
