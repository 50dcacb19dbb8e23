package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/** What every error answer of the API must look like. */
final class ApiAssertions {

  /** A package-qualified Java name or a simple exception/error class name. */
  static final Pattern CLASS_NAME = Pattern.compile(
      "(?:java|javax|jdk|sun|io\\.vertx|io\\.netty|dev\\.tierbus|com\\.fasterxml)\\.[a-z]"
          + "|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

  private ApiAssertions() {}

  /**
   * {@code body} is {@code {"error": "...", "details": [{"path", "message"}...]}} in JSON, and no
   * part of it names a Java class.
   */
  static void assertJsonErrorWithoutClassNames(int status, String contentType, Buffer body) {
    String text = body == null ? "" : body.toString();
    assertThat(contentType).as("content type of " + status + " " + text).startsWith("application/json");
    JsonObject json = new JsonObject(text);
    assertThat(json.getValue("error")).as(text).isInstanceOf(String.class);
    assertThat(json.getString("error")).as(text).isNotBlank();
    assertThat(json.getValue("details")).as(text).isInstanceOf(JsonArray.class);
    for (Object d : json.getJsonArray("details")) {
      assertThat(d).as(text).isInstanceOf(JsonObject.class);
      assertThat(((JsonObject) d).getValue("path")).as(text).isInstanceOf(String.class);
      assertThat(((JsonObject) d).getValue("message")).as(text).isInstanceOf(String.class);
    }
    assertThat(CLASS_NAME.matcher(text).find()).as("a class name in " + text).isFalse();
  }
}
