package dev.tierbus.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A file or directory named on the command line ({@code classpath:NAME} too): any name but an
 * empty one, which would silently mean the working directory. Typed {@link Path} so that the
 * completion script completes file names.
 */
final class FileArgument implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("an empty name");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
