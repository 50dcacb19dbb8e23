package dev.tierbus.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the API test classes whose every test runs against a fresh node of one topology:
 * {@link #node} is started before each test (in a temporary directory of its own) and closed
 * after it.
 */
abstract class ApiNodeFixture {

  private final String topology;

  @TempDir
  Path dir;
  ApiTestNode node;

  /** @param topology the YAML every test's node runs */
  ApiNodeFixture(String topology) {
    this.topology = topology;
  }

  @BeforeEach
  void startNode() throws Exception {
    node = ApiTestNode.start(dir, topology);
  }

  @AfterEach
  void stopNode() throws Exception {
    node.close();
  }
}
