package dev.tierbus.loadtest;

import dev.tierbus.container.Threading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system-level benchmarks of tierbus, in-process: {@code LoadTest [--quick] [--out FILE]
 * [--list] [CASE...]}. Without case names every case runs, in the order listed by
 * {@code --list}. Prints a table and writes the figures as JSON to {@code --out} (default
 * {@code results/latest.json}).
 */
public final class LoadTest {

  /** The design's fast-tier target (10 M events/s): latency at that rate, not at saturation. */
  static final long FAST_PACED_RATE = 10_000_000;
  /** Offered to the standard tier in total; half of it (the RSI events) is delivered. */
  static final long STANDARD_PACED_RATE = 800_000;
  /** At most one hop every 40 µs: far below saturation, so the figure is the hop, not a queue. */
  static final long HOPS_PER_SEC = 25_000;

  /** WebSocket clients of ws.fanout, each filtering one symbol. */
  static final int WS_CLIENTS = Integer.getInteger("ws.clients", 1_000);
  /** Symbols the clients of ws.fanout spread over: every event reaches WS_CLIENTS / WS_SYMBOLS clients. */
  static final int WS_SYMBOLS = Integer.getInteger("ws.symbols", 100);
  /** SIGNALs per second published in ws.fanout, in total. */
  static final long WS_RATE = Long.getLong("ws.rate", 10_000);
  /** Keep-alive connections of http.metrics. */
  static final int HTTP_CONNECTIONS = Integer.getInteger("http.connections", 32);

  private LoadTest() {}

  /** Every case, by name, in run order. */
  static Map<String, LoadCase> cases() {
    Map<String, LoadCase> all = new LinkedHashMap<>();
    add(all, new FastTierCase("fast.1to1", 1, 0));
    add(all, new FastTierCase("fast.1to4", 4, 0));
    add(all, new FastTierCase("fast.1to1.paced", 1, FAST_PACED_RATE));
    add(all, new StandardTierCase("standard.filtered", 2, STANDARD_PACED_RATE));
    add(all, new InternalHopCase("internal.hop", Threading.EVENT_LOOP, HOPS_PER_SEC));
    add(all, new InternalHopCase("internal.hop.worker", Threading.WORKER, HOPS_PER_SEC));
    add(all, new ComponentCallCase());
    add(all, new ReliableTierCase("reliable.1to1", 1, 0));
    add(all, new ReliableTierCase("reliable.1to3", 3, 0));
    add(all, new ReliableTierCase("reliable.paced1k", 1, 1_000));
    add(all, new ReliableTierCase("reliable.paced10k", 1, 10_000));
    add(all, new ReliableSoakCase("reliable.paced10k.soak", 10_000, false));
    add(all, new BacktestPipelineCase("backtest.pipeline", 100));
    add(all, new WsFanoutCase("ws.fanout", WS_CLIENTS, WS_SYMBOLS, WS_RATE));
    add(all, new WsFanoutCase("ws.fanout.narrow", WS_CLIENTS, WS_CLIENTS, WS_RATE));
    add(all, new HttpMetricsCase("http.metrics", HTTP_CONNECTIONS));
    return all;
  }

  /** Cases that run only when named. */
  static Map<String, LoadCase> extraCases() {
    Map<String, LoadCase> all = new LinkedHashMap<>();
    add(all, new StandardTierCase("standard.filtered.max", 2, 0));
    add(all, new ReliableSoakCase("reliable.paced10k.soak.embedded", 10_000, true));
    add(all, new BacktestPipelineCase("backtest.pipeline.1symbol", 1));
    add(all, new BacktestPipelineCase("backtest.pipeline.1000symbols", 1000));
    return all;
  }

  private static void add(Map<String, LoadCase> map, LoadCase c) {
    map.put(c.name(), c);
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-loadtest.xml");
    }
    boolean quick = false;
    Path out = Path.of("results", "latest.json");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--list" -> {
          cases().values().forEach(c -> System.out.printf("%-22s %s%n", c.name(), c.description()));
          extraCases().values().forEach(c -> System.out.printf("%-22s %s (only when named)%n", c.name(), c.description()));
          return;
        }
        default -> names.add(args[i]);
      }
    }
    Map<String, LoadCase> known = new LinkedHashMap<>(cases());
    known.putAll(extraCases());
    List<LoadCase> selected = new ArrayList<>();
    if (names.isEmpty()) {
      selected.addAll(cases().values());
    } else {
      for (String n : names) {
        LoadCase c = known.get(n);
        if (c == null) {
          System.err.println("unknown case '" + n + "'; known: " + known.keySet());
          System.exit(2);
        }
        selected.add(c);
      }
    }

    Budget budget = quick ? Budget.quickRun() : Budget.fullRun();
    List<CaseResult> results = new ArrayList<>();
    int failures = 0;
    for (LoadCase c : selected) {
      System.out.printf("== %s: %s (warm-up %d ms, measure %d ms, deadline %d s)%n", c.name(), c.description(),
          budget.warmupMillis(), budget.measureMillis(), c.deadlineMillis(budget) / 1000);
      long t0 = System.nanoTime();
      CaseRunner.Outcome outcome = CaseRunner.run(c, budget);
      CaseResult r = outcome.result();
      if (outcome.failed()) {
        failures++;
        System.out.printf("   FAILED %s: %s%s%n", c.name(), r.extra().getString("error"),
            r.extra().getString("case_thread", ""));
      } else {
        r.extra().put("heap_after_gc_mib", CaseResult.round1(AllocationMeter.heapAfterGcMiB()));
        System.out.printf("   %s  (%.1f s)%n", r.toJson().encode(), (System.nanoTime() - t0) / 1e9);
      }
      results.add(r);
      if (outcome.hung()) {
        // what the case started may still run and hold its resources: later cases would
        // measure it too, so the run ends here
        System.out.println("   the run stops here: " + c.name() + " is still running");
        break;
      }
    }
    Report.printTable(System.out, results, quick);
    Report.writeJson(out, results, quick);
    System.out.println("wrote " + out);
    exit(failures == 0 ? 0 : 1);
  }

  /** Exits; halts when exiting takes long (a hung case's threads may hold up shutdown hooks). */
  static void exit(int status) {
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException ignored) {
        // halting now
      }
      Runtime.getRuntime().halt(status);
    }, "exit-watchdog");
    halt.setDaemon(true);
    halt.start();
    System.exit(status);
  }
}
