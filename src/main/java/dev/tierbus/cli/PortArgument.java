package dev.tierbus.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A TCP port named on the command line: 0 to 65535, 0 for any free port. */
final class PortArgument implements ITypeConverter<Integer> {

  static final int MAX = 65_535;

  @Override
  public Integer convert(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= MAX) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new TypeConversionException("not a port number: '" + value + "'");
  }
}
