package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code schema} prints the topology's JSON Schema: valid JSON, and a valid draft 2020-12 schema. */
class SchemaCommandTest {

  @Test
  void printsADraft202012SchemaThatTheValidatorAccepts() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TierbusCli.execute(new String[] {"schema"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    JsonObject schema = new JsonObject(out.toString(StandardCharsets.UTF_8));
    assertThat(schema.getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.getJsonObject("$defs").getJsonObject("container").getJsonObject("properties")
        .getJsonObject("container_type").getJsonArray("enum")).contains("data", "strategy", "execution");

    Vertx vertx = Vertx.vertx();
    try {
      SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions()
              .setDraft(Draft.DRAFT202012).setBaseUri("urn:tierbus:").setOutputFormat(OutputFormat.Basic))
          .preloadMetaSchema(vertx.fileSystem(), Draft.DRAFT202012);
      OutputUnit result = repository.validator(Draft.DRAFT202012.getIdentifier()).validate(schema);
      assertThat(result.getValid()).as(String.valueOf(result.getErrors())).isTrue();
    } finally {
      vertx.close();
    }
  }

  @Test
  void theHelpNamesIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = TierbusCli.execute(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("schema +Print the JSON Schema of the topology file");
  }
}
