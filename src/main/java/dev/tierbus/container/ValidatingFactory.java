package dev.tierbus.container;

import dev.tierbus.config.ParamReader;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * <p>The reading code is also the declaration of the parameters: a key it does not read is
 * refused, with a "did you mean" naming the closest key it reads (or a structural key of the
 * entry, for a misspelled {@code external_events}); see {@link ParamReader}. So a typo in
 * {@code slippage_bps} can never pass as the default cost. The kinds of the keys it reads are the
 * type's part of the topology's JSON Schema ({@link #parameterSchemas()}).
 *
 * @param <C> the configuration type
 */
public final class ValidatingFactory<C> implements ContainerFactory {

  private final String type;
  private final Function<ParamReader, C> reader;
  private final BiFunction<ContainerSpec, C, Container> maker;
  private final Set<String> fileOnly;
  private volatile Set<String> parameters;
  private volatile Map<String, JsonObject> schemas;

  /**
   * @param type the container type, for error messages
   * @param reader reads the configuration, recording problems on the reader
   * @param maker builds the container from its spec and a problem-free configuration
   */
  public ValidatingFactory(String type, Function<ParamReader, C> reader, BiFunction<ContainerSpec, C, Container> maker) {
    this(type, reader, maker, Set.of());
  }

  private ValidatingFactory(String type, Function<ParamReader, C> reader, BiFunction<ContainerSpec, C, Container> maker,
      Set<String> fileOnly) {
    this.type = Objects.requireNonNull(type, "type");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.maker = Objects.requireNonNull(maker, "maker");
    this.fileOnly = Set.copyOf(fileOnly);
  }

  /** This factory with {@code keys} as its {@link #fileOnlyParameters()}. */
  public ValidatingFactory<C> withFileOnlyParameters(Set<String> keys) {
    return new ValidatingFactory<>(type, reader, maker, keys);
  }

  @Override
  public Set<String> fileOnlyParameters() {
    return fileOnly;
  }

  /** Reads the configuration of {@code params}; throws listing every problem (unknown keys too). */
  public C config(String containerId, JsonObject params) {
    ParamReader r = reader(params);
    C config = reader.apply(r);
    r.reportUnknownKeys().throwIfProblems(containerId, type);
    return config;
  }

  @Override
  public Container create(ContainerSpec spec) {
    return maker.apply(spec, config(spec.id(), spec.params()));
  }

  @Override
  public List<String> validate(ContainerSpec spec) {
    ParamReader r = reader(spec.params());
    reader.apply(r);
    return List.copyOf(r.reportUnknownKeys().problems());
  }

  @Override
  public List<String> warnings(ContainerSpec spec) {
    ParamReader r = reader(spec.params());
    reader.apply(r);
    return r.problems().isEmpty() ? List.copyOf(r.warnings()) : List.of();
  }

  /** The top-level keys the reading code reads, in any of its modes. */
  @Override
  public Optional<Set<String>> parameters() {
    Set<String> p = parameters;
    if (p == null) {
      p = ParamReader.keysReadBy(reader);
      parameters = p;
    }
    return Optional.of(p);
  }

  /** The top-level keys the reading code reads, each with the kind it reads it as where that is known. */
  @Override
  public Map<String, JsonObject> parameterSchemas() {
    Map<String, JsonObject> s = schemas;
    if (s == null) {
      s = ParamReader.schemasReadBy(reader);
      schemas = s;
    }
    return s;
  }

  private ParamReader reader(JsonObject params) {
    return ParamReader.of(params, type).alsoSuggesting(ContainerSpec.STRUCTURAL_KEYS);
  }
}
