package io.gatewire.benchmarks.ads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.protobuf.Message;
import io.gatewire.adapters.xds.serve.ServedVersions;
import io.gatewire.benchmarks.JvmProbe;
import io.gatewire.benchmarks.Serving;
import io.gatewire.benchmarks.Workloads;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.model.GatewayResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many ADS streams on one XdsServing ({@code benchmarks/load.sh}, docs/reliability.md): the
 * generated workload is served on a local port, half the streams state of the world and half delta,
 * spread over a few connections with an event loop group of their own; each stream follows the
 * Gateway's node group as Envoy does. Then the source changes, alternately losing and regaining its
 * last route (a virtual host, a cluster and an assignment change), and each change is timed from
 * the moment the source gives the new state until every stream has ACKed every type's new version:
 * the slowest stream, the 99th percentile, the median; with the process's CPU time and the heap
 * after full GCs. A stream that does not get there within the timeout fails the run.
 *
 * <p>{@code java -cp benchmarks.jar io.gatewire.benchmarks.ads.AdsLoad [--routes 1000] [--streams
 * 1000] [--connections 8] [--client-threads 2] [--changes 7] [--out
 * benchmarks/target/ads-load.json]}
 */
public final class AdsLoad {
  /** How the run is shaped; {@code timeoutSeconds} bounds each wait for the streams. */
  public record Settings(
      int routes,
      int streams,
      int connections,
      int clientThreads,
      int changes,
      long timeoutSeconds) {
    public static final Settings DEFAULTS = new Settings(1000, 1000, 8, 2, 7, 300);
  }

  /**
   * One change: how many streams ACKed all of it, the publish (translation to snapshot set), then
   * the streams, in milliseconds after the change.
   */
  public record Change(
      String change,
      int streamsAcked,
      double publishMs,
      double medianStreamMs,
      double p99StreamMs,
      double allStreamsMs,
      long responses,
      double processCpuMs,
      double clientCpuMs) {}

  /** The figures of one run. */
  public record Result(
      Settings settings,
      Map<String, Long> servedBytesByType,
      int sotwStreams,
      int deltaStreams,
      int serverStreams,
      double connectAllMs,
      long heapServingBytes,
      long heapWithStreamsBytes,
      List<Change> changes,
      double medianAllStreamsMs,
      double medianP99StreamMs,
      double medianProcessCpuMs,
      double medianClientCpuMs) {}

  private AdsLoad() {}

  public static void main(String[] args) throws Exception {
    Settings defaults = Settings.DEFAULTS;
    int routes = defaults.routes();
    int streams = defaults.streams();
    int connections = defaults.connections();
    int threads = defaults.clientThreads();
    int changes = defaults.changes();
    Path out = Path.of("benchmarks/target/ads-load.json");
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--routes" -> routes = Integer.parseInt(value);
        case "--streams" -> streams = Integer.parseInt(value);
        case "--connections" -> connections = Integer.parseInt(value);
        case "--client-threads" -> threads = Integer.parseInt(value);
        case "--changes" -> changes = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Result result =
        run(
            new Settings(
                routes, streams, connections, threads, changes, defaults.timeoutSeconds()));
    System.out.print(table(result));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.println("JSON: " + out);
  }

  public static Result run(Settings settings) throws InterruptedException, IOException {
    WorkloadSpec spec = WorkloadSpec.of(settings.routes());
    String yaml = WorkloadGenerator.yaml(spec);
    GatewayResources full = WorkloadGenerator.decode(yaml);
    GatewayResources lessOne =
        WorkloadGenerator.decode(Workloads.withoutRoute(yaml, settings.routes() - 1));
    Serving serving = new Serving();
    serving.publish(full);
    Map<String, Long> servedBytes = new TreeMap<>();
    for (Message resource : ServedVersions.resources(serving.xds(), Serving.GATEWAY_GROUP)) {
      servedBytes.merge(
          resource.getDescriptorForType().getName(),
          (long) resource.getSerializedSize(),
          Long::sum);
    }
    serving.xds().start();
    try {
      long heapServing = JvmProbe.heapAfterGc();
      try (LoadClients clients =
          new LoadClients(
              serving.xds().port(), settings.connections(), settings.clientThreads(), true)) {
        List<LoadStream<?, ?>> streams = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < settings.streams(); i++) {
          streams.add(clients.open(i % 2 == 1, "load-" + i, Serving.GATEWAY_GROUP));
        }
        Goal connected = aim(streams, serving, connectStart);
        awaitOrFail(connected, streams, settings, "the first snapshot");
        double connectAllMs = slowest(streams) / 1e6;
        int serverStreams = serving.xds().connectedStreams();

        List<Change> changes = new ArrayList<>();
        for (int c = 1; c <= settings.changes(); c++) {
          boolean remove = c % 2 == 1;
          long responsesBefore = responses(streams);
          long cpuBefore = JvmProbe.processCpuNanos();
          long clientCpuBefore = JvmProbe.threadsCpuNanos(LoadClients.THREAD_PREFIX);
          long start = System.nanoTime();
          serving.publish(remove ? lessOne : full);
          long published = System.nanoTime();
          Goal goal = aim(streams, serving, start);
          awaitOrFail(goal, streams, settings, "change " + c);
          long cpu = JvmProbe.processCpuNanos() - cpuBefore;
          long clientCpu = JvmProbe.threadsCpuNanos(LoadClients.THREAD_PREFIX) - clientCpuBefore;
          long[] times =
              streams.stream().mapToLong(LoadStream::reachedAfterNanos).sorted().toArray();
          changes.add(
              new Change(
                  remove ? "route removed" : "route added",
                  (int) Arrays.stream(times).filter(time -> time >= 0).count(),
                  (published - start) / 1e6,
                  percentile(times, 50) / 1e6,
                  percentile(times, 99) / 1e6,
                  times[times.length - 1] / 1e6,
                  responses(streams) - responsesBefore,
                  cpu / 1e6,
                  clientCpu / 1e6));
          Thread.sleep(200);
        }
        long heapWithStreams = JvmProbe.heapAfterGc();
        return new Result(
            settings,
            servedBytes,
            settings.streams() - settings.streams() / 2,
            settings.streams() / 2,
            serverStreams,
            connectAllMs,
            heapServing,
            heapWithStreams,
            changes,
            median(changes.stream().mapToDouble(Change::allStreamsMs).toArray()),
            median(changes.stream().mapToDouble(Change::p99StreamMs).toArray()),
            median(changes.stream().mapToDouble(Change::processCpuMs).toArray()),
            median(changes.stream().mapToDouble(Change::clientCpuMs).toArray()));
      }
    } finally {
      serving.xds().close();
    }
  }

  /** Aims every stream at what the Gateway's group is served now, as of {@code start}. */
  static Goal aim(List<LoadStream<?, ?>> streams, Serving serving, long start) {
    Goal goal =
        new Goal(ServedStates.of(serving.xds(), Serving.GATEWAY_GROUP), start, streams.size());
    streams.forEach(stream -> stream.aim(goal));
    return goal;
  }

  static void awaitOrFail(Goal goal, List<LoadStream<?, ?>> streams, Settings settings, String what)
      throws InterruptedException {
    if (!goal.await(settings.timeoutSeconds())) {
      long ended = streams.stream().filter(stream -> stream.ended() != null).count();
      throw new IllegalStateException(
          goal.pending()
              + " of "
              + streams.size()
              + " streams did not ACK "
              + what
              + " within "
              + settings.timeoutSeconds()
              + " s ("
              + ended
              + " streams ended)");
    }
  }

  private static long slowest(List<LoadStream<?, ?>> streams) {
    return streams.stream().mapToLong(LoadStream::reachedAfterNanos).max().orElse(0);
  }

  private static long responses(List<LoadStream<?, ?>> streams) {
    return streams.stream().mapToLong(LoadStream::responses).sum();
  }

  /** The nearest-rank percentile of sorted {@code values}. */
  static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String table(Result result) {
    Settings s = result.settings();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "ADS load: %d routes, %d streams (%d state of the world, %d delta) over %d "
                + "connections, %d client threads; server counted %d open streams%n",
            s.routes(),
            s.streams(),
            result.sotwStreams(),
            result.deltaStreams(),
            s.connections(),
            s.clientThreads(),
            result.serverStreams()));
    out.append("served to the Gateway's group, serialized bytes by type: ")
        .append(result.servedBytesByType())
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "every stream had ACKed the first snapshot after %.0f ms%n",
            result.connectAllMs()));
    out.append(
        "| change | publish ms | median stream ms | p99 stream ms | all streams ms | responses | process CPU ms "
            + "| of it client threads ms |\n|---|---|---|---|---|---|---|---|\n");
    for (Change c : result.changes()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.0f |%n",
              c.change(),
              c.publishMs(),
              c.medianStreamMs(),
              c.p99StreamMs(),
              c.allStreamsMs(),
              c.responses(),
              c.processCpuMs(),
              c.clientCpuMs()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "median over %d changes: all streams %.1f ms, p99 stream %.1f ms, process "
                + "CPU %.0f ms per change (client threads %.0f ms)%n",
            result.changes().size(),
            result.medianAllStreamsMs(),
            result.medianP99StreamMs(),
            result.medianProcessCpuMs(),
            result.medianClientCpuMs()));
    out.append(
        String.format(
            Locale.ROOT,
            "heap after full GC: %.1f MiB serving, %.1f MiB with the streams open "
                + "(clients included)%n",
            result.heapServingBytes() / 1048576.0,
            result.heapWithStreamsBytes() / 1048576.0));
    return out.toString();
  }
}
