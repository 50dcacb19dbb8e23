package dev.tierbus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructureCheckTest {

  private static final JsonObject SCHEMA = new JsonObject()
      .put("$schema", JsonSchemas.DRAFT)
      .put("$id", "urn:tierbus:test")
      .put("type", "object")
      .put("properties", new JsonObject()
          .put("items", JsonSchemas.listOf(JsonSchemas.map(Map.of("period", ValueKind.INT.jsonSchema()), true))));

  @Test
  void onlyTheDeepestErrorOfAPlaceIsKeptWithItsKeyPath() {
    JsonObject doc = new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("period", 3))
        .add(new JsonObject().put("period", "ten").put("x-note", 1).put("perod", 2)));
    List<Problem> problems = new StructureCheck(SCHEMA).check(doc);
    assertThat(problems).extracting(Problem::path).containsExactly("items[1].period", "items[1].perod");
    assertThat(problems.get(0).message()).contains("integer");
  }

  @Test
  void aValidDocumentHasNoProblem() {
    assertThat(new StructureCheck(SCHEMA).check(new JsonObject().put("items", new JsonArray()))).isEmpty();
    assertThat(new StructureCheck(SCHEMA).check(new JsonObject().putNull("items"))).isEmpty();
  }

  @Test
  void aProblemOfTheReaderAtThePlaceAboveOrBelowCoversAStructuralOne() {
    List<Problem> structural = List.of(new Problem("a.b", "s1"), new Problem("a.c[0]", "s2"), new Problem("d", "s3"),
        new Problem("ab", "s4"));
    List<Problem> semantic = List.of(new Problem("a.b", "r1"), new Problem("a.c", "r2"), new Problem("d.e", "r3"));
    assertThat(StructureCheck.notCoveredBy(structural, semantic)).extracting(Problem::message).containsExactly("s4");
  }
}
