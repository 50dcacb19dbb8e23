package dev.tierbus.loadtest;

import dev.tierbus.api.ApiOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP API read throughput: {@code connections} keep-alive connections on 127.0.0.1 (an
 * in-JVM Vert.x client, one request in flight per connection) call {@code GET /api/metrics} of a
 * node with {@value #CONTAINERS} containers as fast as answers come back. events/s = requests
 * answered per second; latency = request to complete response body.
 */
record HttpMetricsCase(String name, int connections) implements LoadCase {

  static final int CONTAINERS = 20;

  @Override
  public String description() {
    return "HTTP: GET /api/metrics over " + connections + " keep-alive connections, as fast as answered";
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    try (ApiNode node = ApiNode.start(CONTAINERS, new ApiOptions())) {
      Vertx clientVertx = Vertx.vertx();
      try {
        HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(connections));
        RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(node.server().port()).setURI("/api/metrics");
        drive(client, get, budget.warmupMillis(), new Recorder(3), new LongAdder(), new LongAdder());
        Recorder latency = new Recorder(3_600_000_000_000L, 3);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        Measurement m = Measurement.start();
        drive(client, get, budget.measureMillis(), latency, ok, failed);
        m.stop();
        Histogram h = latency.getIntervalHistogram();
        Latencies lat = Latencies.ofNanos(h);
        JsonObject extra = new JsonObject()
            .put("connections", connections)
            .put("containers", CONTAINERS)
            .put("delivered", ok.sum())
            .put("failed_requests", failed.sum())
            .put("events_per_sec_counts", "GET /api/metrics answered with 200");
        m.report(extra, lat, "request sent to response body received, in-JVM client",
            "all threads (server and client) / requests");
        Await.result(client.close());
        return m.result(name, ok.sum(), lat, Math.max(1, ok.sum()), extra);
      } finally {
        Await.result(clientVertx.close());
      }
    }
  }

  /** {@code connections} request loops until {@code millis} have passed. */
  private void drive(HttpClient client, RequestOptions get, long millis, Recorder latency, LongAdder ok,
      LongAdder failed) throws Exception {
    long end = System.nanoTime() + millis * 1_000_000L;
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Promise<Void> done = Promise.promise();
      loop(client, get, end, latency, ok, failed, done);
      loops.add(done.future());
    }
    Await.result(Future.all(loops));
  }

  private void loop(HttpClient client, RequestOptions get, long end, Recorder latency, LongAdder ok, LongAdder failed,
      Promise<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete();
      return;
    }
    long t = System.nanoTime();
    client.request(get)
        .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() == 200) {
            latency.recordValue(System.nanoTime() - t);
            ok.increment();
          } else {
            failed.increment();
          }
          loop(client, get, end, latency, ok, failed, done);
        });
  }
}
