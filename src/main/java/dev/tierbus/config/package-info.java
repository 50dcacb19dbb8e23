/**
 * The one reader of configuration with key paths: the topology file's sections and every
 * container type's parameters are read through it, and it describes what it reads as a JSON
 * Schema.
 *
 * <pre>
 *   parsed YAML ──▶ ConfigValue (a value at its key path: typed reads that report, never throw)
 *                    ├─ KeyTable      a section's keys, kinds and effects (event_router, journal, ...)
 *                    └─ ParamReader   a container's parameters with defaults; the keys it reads are
 *                                     its declaration: any other key is refused with a "did you mean"
 *                                     (UnknownParameters); container.ValidatingFactory makes a type of it
 *   every problem ──▶ Problems ──▶ Problem(path, message)
 * </pre>
 *
 * <p>The same declarations give the JSON Schema (draft 2020-12) of the topology file: a
 * {@link dev.tierbus.config.KeyTable} is its section's schema, a
 * {@link dev.tierbus.container.ValidatingFactory} gives the kind of each parameter it reads
 * ({@link dev.tierbus.config.ValueKind}); {@link dev.tierbus.config.JsonSchemas} builds the
 * pieces alike (null allowed where a reader takes it as absent, {@code x-} keys free).
 * {@link dev.tierbus.config.ValueText} names a bad value in messages, here and in the HTTP
 * API's answers. The package depends on no other tierbus package: the runtime's packages use
 * it, never the other way round.
 */
package dev.tierbus.config;
