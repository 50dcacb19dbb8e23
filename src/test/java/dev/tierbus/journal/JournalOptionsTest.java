package dev.tierbus.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalOptionsTest {

  @Test
  void withNothingConfiguredTheEmbeddedServerIsUsed() {
    JournalOptions o = new JournalOptions().applyEnvironment(Map.of());
    assertThat(o.isConfigured()).isFalse();
    assertThat(o.getDataDir()).isEqualTo("data/journal");
    assertThat(o.describe()).contains("embedded");
  }

  @Test
  void thePgEnvironmentVariablesNameAServer() {
    JournalOptions o = new JournalOptions().applyEnvironment(Map.of("PGHOST", "10.0.0.5", "PGPORT", "6432",
        "PGDATABASE", "trading", "PGUSER", "app", "PGPASSWORD", "pw"));
    assertThat(o.isConfigured()).isTrue();
    assertThat(o.getHost()).isEqualTo("10.0.0.5");
    assertThat(o.getPort()).isEqualTo(6432);
    assertThat(o.getDatabase()).isEqualTo("trading");
    assertThat(o.getUser()).isEqualTo("app");
    assertThat(o.getPassword()).isEqualTo("pw");
  }

  @Test
  void theTopologyWinsOverTheEnvironment() {
    JournalOptions o = new JournalOptions().setUrl("postgresql://db:5433/j").applyEnvironment(Map.of("PGHOST", "other"));
    assertThat(o.getHost()).isEqualTo("db");
    assertThat(o.getPort()).isEqualTo(5433);
  }

  @Test
  void aSocketDirectoryInPghostIsRefusedWithTheReason() {
    assertThatThrownBy(() -> new JournalOptions().applyEnvironment(Map.of("PGHOST", "/var/run/postgresql")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unix socket");
  }

  @Test
  void jsonRoundTrip() {
    JournalOptions o = new JournalOptions().setUrl("jdbc:postgresql://u:p@h:1234/d").setSchema("s1").setPoolSize(9)
        .setNodeId("n").setLeaseMs(5000).setRetentionMs(0).setDataDir("x/y").setEmbeddedPort(7777)
        .setStore(JournalOptions.Store.POSTGRESQL);
    assertThat(JournalOptions.fromJson(o.toJson()).toJson()).isEqualTo(o.toJson());
    assertThat(o.getUser()).isEqualTo("u");
  }
}
