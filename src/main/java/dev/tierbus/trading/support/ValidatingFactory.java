package dev.tierbus.trading.support;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerSpec;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link ContainerFactory} that reads a typed configuration from the parameters once, with
 * the same code for {@link #validate} (report the problems) and {@link #create} (refuse to
 * build with them).
 *
 * <pre>{@code
 * new ValidatingFactory<>("printer", PrinterConfig::read, (spec, config) -> new PrinterContainer(config));
 * }</pre>
 *
 * @param <C> the configuration type
 */
public final class ValidatingFactory<C> implements ContainerFactory {

  private final String type;
  private final Function<ParamReader, C> reader;
  private final BiFunction<ContainerSpec, C, Container> maker;

  /**
   * @param type the container type, for error messages
   * @param reader reads the configuration, recording problems on the reader
   * @param maker builds the container from its spec and a problem-free configuration
   */
  public ValidatingFactory(String type, Function<ParamReader, C> reader, BiFunction<ContainerSpec, C, Container> maker) {
    this.type = Objects.requireNonNull(type, "type");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.maker = Objects.requireNonNull(maker, "maker");
  }

  /** Reads the configuration of {@code params}; throws listing every problem. */
  public C config(String containerId, JsonObject params) {
    ParamReader r = ParamReader.of(params);
    C config = reader.apply(r);
    r.throwIfProblems(containerId, type);
    return config;
  }

  @Override
  public Container create(ContainerSpec spec) {
    return maker.apply(spec, config(spec.id(), spec.params()));
  }

  @Override
  public List<String> validate(ContainerSpec spec) {
    ParamReader r = ParamReader.of(spec.params());
    reader.apply(r);
    return List.copyOf(r.problems());
  }
}
