package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.router.ReliableTierOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal schema is created once, at its version, also when nodes start together. */
@Timeout(60)
class JournalSchemaTest {

  @Test
  void nodesStartingTogetherOnAFreshJournalCreateItOnceAndRestartsChangeNothing() {
    try (JournalTestBed bed = new JournalTestBed("schema")) {
      Vertx vertx = bed.vertx;
      Pool sql = bed.sql;
      JournalOptions journal = bed.journal;
      List<Future<ReliableTier>> starting = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        starting.add(ReliableTiers.start(vertx, new ReliableTierOptions(), journal.copy().setNodeId("n" + i)));
      }
      List<ReliableTier> tiers = new ArrayList<>();
      for (Future<ReliableTier> f : starting) {
        tiers.add(JournalTestSupport.requireReachable(await(f)));
      }
      String s = journal.getSchema();
      assertThat(count(sql, "SELECT count(*) FROM " + s + ".journal_version")).isEqualTo(1);
      assertThat(count(sql, "SELECT max(version) FROM " + s + ".journal_version")).isEqualTo(2);
      assertThat(count(sql, "SELECT count(*) FROM " + s + ".node")).isEqualTo(4);
      for (ReliableTier t : tiers) {
        await(t.close());
      }
      ReliableTier again = JournalTestSupport.requireReachable(
          await(ReliableTiers.start(vertx, new ReliableTierOptions(), journal.copy().setNodeId("n0"))));
      assertThat(count(sql, "SELECT count(*) FROM " + s + ".journal_version")).isEqualTo(1);
      assertThat(count(sql, "SELECT count(*) FROM " + s + ".node")).isEqualTo(4);
      await(again.close());
    }
  }
}
