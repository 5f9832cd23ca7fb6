package io.gatewire.benchmarks.propagation;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.testkit.echo.EchoServer;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import io.gatewire.testkit.envoy.ListenerPorts;
import io.gatewire.testkit.envoy.PortTakenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scenario of the propagation benchmark: a generated workload served from files by {@code
 * gatewire serve} (its own process) to one Envoy over delta ADS, echo servers behind the Services.
 * It measures, through Envoy's listener:
 *
 * <ol>
 *   <li>propagation: for each kind of change, {@code samples} times, the time from the change
 *       starting to reach the disk until the first request Envoy answers the new way (polled back
 *       to back on a connection of its own); beside it when Envoy had applied the update (its
 *       {@code update_time} gauges) and what Gatewire's snapshot builds took;
 *   <li>no request lost: a steady client sends requests to routes that exist throughout, during the
 *       samples and during a churn of {@code churn} changes made at a fixed pace; every answer that
 *       is not a 2xx and every connection error counts;
 *   <li>CPU seconds and peak RSS of Gatewire and of Envoy in each phase.
 * </ol>
 */
final class PropagationRun {
  private static final String GATEWAY =
      WorkloadGenerator.GATEWAY_NAMESPACE + "/" + WorkloadGenerator.GATEWAY_NAME;
  private static final int GATEWAY_PORT = 8080;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  /** What to run. */
  record Settings(
      int routes,
      WorkloadSpec.Hostnames hostnames,
      WorkloadDirectory.Layout layout,
      int samples,
      int churn,
      Duration churnInterval,
      int echoServers,
      int steadyRoutes,
      int steadyRequestsPerSecond,
      List<String> launcher,
      List<String> serveFlags,
      Duration sampleTimeout,
      String envoyComponentLogLevel,
      Path workDirectory) {
    Settings {
      launcher = List.copyOf(launcher);
      serveFlags = List.copyOf(serveFlags);
      if (routes < steadyRoutes + 3 * samples + 1) {
        throw new IllegalArgumentException(
            "routes must exceed the steady routes plus three per sample");
      }
      if (echoServers < 2) {
        throw new IllegalArgumentException("at least two echo servers, to see a change");
      }
    }

    String name() {
      return routes + " routes, hostnames " + hostnames.flag() + ", layout " + layout.flag();
    }
  }

  /** The kinds of change measured, in the order they run. */
  enum Change {
    ADD("route added"),
    BACKEND("route's backend changed"),
    ENDPOINT("endpoint moved"),
    DELETE("route deleted");

    final String description;

    Change(String description) {
      this.description = description;
    }
  }

  /**
   * One change.
   *
   * @param totalMs from the write starting to the first correct answer
   * @param envoyAppliedMs from the write starting until Envoy had applied the last update that
   *     changed (its {@code update_time}, millisecond resolution); NaN when none changed
   * @param buildMs the time Gatewire's snapshot builds took meanwhile ({@code
   *     gatewire_snapshot_build_seconds})
   * @param translations translations Gatewire published meanwhile
   * @param writeEpochMs when the write started, in milliseconds since the epoch: where to look in
   *     the logs of Gatewire and Envoy
   */
  record Sample(
      Change change,
      String route,
      long writeEpochMs,
      double totalMs,
      double envoyAppliedMs,
      double buildMs,
      double translations) {}

  /** A part of the run: its length, what each process used, what the steady client saw. */
  record Phase(
      String name,
      double seconds,
      ProcessUsage gatewire,
      ProcessUsage envoy,
      SteadyTraffic.Counts steady) {}

  /** Everything one scenario measured. */
  record Result(
      Settings settings,
      Map<Change, Summary> propagation,
      Map<Change, Summary> envoyApplied,
      Map<Change, Summary> snapshotBuild,
      List<Sample> samples,
      List<Phase> phases,
      Map<String, Summary> envoyUpdateDurations,
      List<String> firstFailures) {}

  private final Settings settings;
  private final List<Sample> samples = new ArrayList<>();
  private final List<Phase> phases = new ArrayList<>();
  private WorkloadDirectory workload;
  private GatewireProcess gatewire;
  private Envoy envoy;
  private EnvoyUpdates updates;
  private ListenerClient prober;
  private SteadyTraffic steady;

  private PropagationRun(Settings settings) {
    this.settings = settings;
  }

  static Result run(Settings settings) {
    return new PropagationRun(settings).run();
  }

  private Result run() {
    List<EchoServer> echoes = new ArrayList<>();
    try {
      for (int e = 0; e < settings.echoServers(); e++) {
        String pod = WorkloadDirectory.echoPod(e);
        echoes.add(
            EchoServer.start(
                new EchoServer.Identity(WorkloadGenerator.GATEWAY_NAMESPACE, pod, pod)));
      }
      Path dir = Files.createDirectories(settings.workDirectory()).resolve("input");
      deleteTree(dir);
      Files.createDirectories(dir);
      workload =
          WorkloadDirectory.write(
              WorkloadSpec.of(settings.routes()).withHostnames(settings.hostnames()),
              settings.layout(),
              echoes.stream().map(EchoServer::port).toList(),
              dir);
      return measure();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (steady != null) {
        steady.close();
      }
      if (envoy != null) {
        envoy.close();
      }
      if (gatewire != null) {
        gatewire.close();
      }
      echoes.forEach(EchoServer::close);
    }
  }

  private Result measure() {
    long started = System.nanoTime();
    int listenerPort = ListenerPorts.withRetry(5, this::startServing);
    updates = new EnvoyUpdates(envoy);
    prober = new ListenerClient(listenerPort);
    List<WorkloadDirectory.Route> routes = workload.routes();
    List<Probe> steadyProbes = new ArrayList<>();
    for (WorkloadDirectory.Route route : routes.subList(0, settings.steadyRoutes())) {
      Probe probe = workload.probe(route);
      steadyProbes.add(
          new Probe(probe.host(), probe.path(), probe.variant(), 200, Optional.empty()));
    }
    awaitAnswer(workload.probe(routes.get(routes.size() - 1)), START_TIMEOUT);
    phase("start: first load, first snapshot, Envoy LIVE, last route answers", started, null);

    steady = SteadyTraffic.start(steadyProbes, listenerPort, 2, settings.steadyRequestsPerSecond());
    List<WorkloadDirectory.Route> candidates =
        routes.subList(settings.steadyRoutes(), routes.size());
    int step = Math.max(1, candidates.size() / (3 * settings.samples()));
    long samplesStarted = startPhase();
    SteadyTraffic.Counts beforeSamples = steady.counts();
    for (Change change : Change.values()) {
      for (int k = 0; k < settings.samples(); k++) {
        int offset =
            switch (change) {
              case ADD, BACKEND -> 0;
              case ENDPOINT -> 1;
              case DELETE -> 2;
            };
        WorkloadDirectory.Route route = candidates.get((3 * k + offset) * step);
        samples.add(sample(change, k, route));
      }
    }
    phase(samples.size() + " propagation samples", samplesStarted, beforeSamples);

    long churnStarted = startPhase();
    SteadyTraffic.Counts beforeChurn = steady.counts();
    List<WorkloadDirectory.Route> present = workload.routes();
    churn(present.subList(settings.steadyRoutes(), present.size()));
    phase("churn of " + settings.churn() + " changes", churnStarted, beforeChurn);
    steady.close();
    sleep(6_000); // Envoy merges its histograms on its stats flush, every 5 s
    return new Result(
        settings,
        summarize(s -> s.totalMs()),
        summarize(s -> s.envoyAppliedMs()),
        summarize(s -> s.buildMs()),
        List.copyOf(samples),
        List.copyOf(phases),
        updates.updateDurations(),
        steady.firstFailures());
  }

  /**
   * Starts Gatewire with Envoy's listener on {@code listenerPort}, and Envoy; returns the port once
   * the listener is bound. Stops both when another process took the port meanwhile.
   */
  private int startServing(int listenerPort) {
    gatewire =
        GatewireProcess.start(
            settings.launcher(),
            workload.directory(),
            listenerPort - GATEWAY_PORT,
            settings.serveFlags(),
            settings.workDirectory().resolve("gatewire.log"),
            START_TIMEOUT);
    List<String> envoyArguments =
        settings.envoyComponentLogLevel().isEmpty()
            ? List.of()
            : List.of("--component-log-level", settings.envoyComponentLogLevel());
    envoy =
        Envoy.start(
            EnvoyBootstrap.ads("propagation", GATEWAY, gatewire.xdsPort()),
            "warning",
            envoyArguments);
    System.out.println("Envoy's directory (its log in stderr.log): " + envoy.directory());
    try {
      envoy.awaitLive(START_TIMEOUT);
      envoy.awaitListenersBound(START_TIMEOUT);
    } catch (PortTakenException e) {
      System.out.println(e.getMessage() + "; again on another port");
      envoy.close();
      envoy = null;
      gatewire.close();
      gatewire = null;
      throw e;
    }
    return listenerPort;
  }

  private Sample sample(Change change, int k, WorkloadDirectory.Route route) {
    Probe before;
    String name;
    Optional<String> cluster;
    switch (change) {
      case ADD -> {
        name = "added-" + k;
        before = addedProbe(name).notFound();
        cluster = Optional.of(clusterOf(name));
      }
      case BACKEND, ENDPOINT, DELETE -> {
        name = route.name();
        before = workload.probe(route);
        cluster = Optional.of(clusterOf(name));
      }
      default -> throw new IllegalStateException();
    }
    awaitAnswer(before, settings.sampleTimeout());
    Map<String, Long> envoyBefore = updates.updateTimes(cluster);
    GatewireProcess.Builds buildsBefore = gatewire.builds();
    Probe after = apply(change, k, name, route);
    long startNanos = workload.writeStartedNanos();
    long startEpochMs = System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    long answered = awaitAnswer(after, settings.sampleTimeout());
    double totalMs = (answered - startNanos) / 1e6;
    sleep(200); // let a late update of another type land before reading the gauges
    long applied = EnvoyUpdates.lastChange(envoyBefore, updates.updateTimes(cluster));
    GatewireProcess.Builds builds = gatewire.builds().since(buildsBefore);
    return new Sample(
        change,
        name,
        startEpochMs,
        totalMs,
        applied == 0 ? Double.NaN : applied - startEpochMs,
        builds.seconds() * 1000,
        builds.translations());
  }

  /** Makes the change; the probe that shows it. */
  private Probe apply(Change change, int k, String name, WorkloadDirectory.Route route) {
    return switch (change) {
      case ADD -> {
        Probe probe = addedProbe(name);
        WorkloadDirectory.Route added =
            workload.addRoute(name, probe.host(), probe.path(), k % workload.services());
        yield workload.probe(added);
      }
      case BACKEND -> workload.probe(workload.changeBackend(name, otherService(route.service())));
      case ENDPOINT -> {
        int service = workload.route(name).service();
        workload.moveEndpoint(service, (workload.echoOf(service) + 1) % workload.echoServers());
        yield workload.probe(workload.route(name));
      }
      case DELETE -> {
        Probe probe = workload.probe(workload.route(name)).notFound();
        workload.deleteRoute(name);
        yield probe;
      }
    };
  }

  /**
   * Changes at a fixed pace, without waiting for each to be seen: cycles of a route added, its
   * backend changed, a Service's endpoint moved, the route deleted. Ends when the last change
   * answers.
   */
  private void churn(List<WorkloadDirectory.Route> movable) {
    long next = System.nanoTime();
    Probe last = null;
    for (int i = 0; i < settings.churn(); i++) {
      int cycle = i / 4;
      String name = "churn-" + cycle;
      switch (i % 4) {
        case 0 -> {
          Probe probe = addedProbe(name);
          last =
              workload.probe(
                  workload.addRoute(name, probe.host(), probe.path(), cycle % workload.services()));
        }
        case 1 ->
            last =
                workload.probe(
                    workload.changeBackend(name, otherService(workload.route(name).service())));
        case 2 -> {
          WorkloadDirectory.Route moved = movable.get(cycle * 7919 % movable.size());
          int service = moved.service();
          workload.moveEndpoint(service, (workload.echoOf(service) + 1) % workload.echoServers());
          last = workload.probe(workload.route(moved.name()));
        }
        default -> {
          last = workload.probe(workload.route(name)).notFound();
          workload.deleteRoute(name);
        }
      }
      next += settings.churnInterval().toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000);
      }
    }
    if (last != null) {
      awaitAnswer(last, START_TIMEOUT);
    }
  }

  private Probe addedProbe(String name) {
    return settings.hostnames() == WorkloadSpec.Hostnames.SHARED
        ? new Probe(
            WorkloadGenerator.SHARED_HOSTNAME, "/" + name, Optional.empty(), 200, Optional.empty())
        : new Probe(
            name + "." + WorkloadGenerator.SHARED_HOSTNAME,
            "/" + name,
            Optional.empty(),
            200,
            Optional.empty());
  }

  /** A Service next to {@code service} whose endpoint is at another echo server. */
  private int otherService(int service) {
    int services = workload.services();
    for (int d = 1; d < services; d++) {
      int other = (service + d) % services;
      if (workload.echoOf(other) != workload.echoOf(service)) {
        return other;
      }
    }
    throw new IllegalStateException("every Service is at the same echo server");
  }

  private static String clusterOf(String route) {
    return "httproute/" + WorkloadGenerator.GATEWAY_NAMESPACE + "/" + route + "/rule/0";
  }

  /** Sends {@code probe} back to back until it is answered as expected; returns when (nanoTime). */
  private long awaitAnswer(Probe probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Probe.Answer answer = null;
    String error = null;
    while (System.nanoTime() < deadline) {
      try {
        answer = prober.send(probe);
        if (probe.isAnsweredBy(answer)) {
          return System.nanoTime();
        }
      } catch (IOException e) {
        error = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(1);
    }
    throw new IllegalStateException(
        "not answered within "
            + timeout
            + ": "
            + probe
            + "; last answer "
            + answer
            + (error == null ? "" : ", last error " + error)
            + "\nGatewire's log:\n"
            + gatewire.tail());
  }

  private long startPhase() {
    ProcessUsage.resetPeak(gatewire.pid());
    ProcessUsage.resetPeak(envoy.pid());
    gatewireAtStart = gatewire.usage();
    envoyAtStart = ProcessUsage.of(envoy.pid());
    return System.nanoTime();
  }

  private ProcessUsage gatewireAtStart = new ProcessUsage(0, 0, 0);
  private ProcessUsage envoyAtStart = new ProcessUsage(0, 0, 0);

  private void phase(String name, long startedNanos, SteadyTraffic.Counts steadyBefore) {
    SteadyTraffic.Counts counts =
        steadyBefore == null
            ? new SteadyTraffic.Counts(0, 0, Map.of())
            : steady.counts().since(steadyBefore);
    phases.add(
        new Phase(
            name,
            (System.nanoTime() - startedNanos) / 1e9,
            gatewire.usage().since(gatewireAtStart),
            ProcessUsage.of(envoy.pid()).since(envoyAtStart),
            counts));
  }

  private Map<Change, Summary> summarize(java.util.function.ToDoubleFunction<Sample> value) {
    Map<Change, Summary> summaries = new LinkedHashMap<>();
    for (Change change : Change.values()) {
      summaries.put(
          change,
          Summary.of(
              samples.stream()
                  .filter(s -> s.change() == change)
                  .map(value::applyAsDouble)
                  .filter(v -> !Double.isNaN(v))
                  .toList()));
    }
    return summaries;
  }

  /** Deletes {@code dir} and everything below it, if it exists: the input of an earlier run. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
