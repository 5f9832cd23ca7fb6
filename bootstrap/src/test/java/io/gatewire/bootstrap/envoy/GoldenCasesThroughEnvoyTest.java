package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import io.gatewire.testkit.envoy.XdsCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case served by {@code serve} to a real Envoy per Gateway, over delta and over
 * state-of-the-world ADS at once: each Envoy must be LIVE within 2 s of connecting, have rejected
 * nothing ({@code update_rejected} 0 for every type), have accepted CDS and LDS, and hold no
 * warming listener or cluster; Gatewire must have counted no NACK. Placeholder certificates are
 * replaced by real ones ({@link RealCertificates}) and every Service gets an echo backend, so TLS
 * listeners and endpoints are real. A case with no Gateway of ours is served to one Envoy whose
 * node names none (it gets the empty merged configuration). The per-case table is printed at the
 * end.
 */
class GoldenCasesThroughEnvoyTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String NO_GATEWAY = "gatewire-tests/no-gateway";
  private static final ConcurrentLinkedQueue<Row> ROWS = new ConcurrentLinkedQueue<>();

  /** One Gateway of one case: what each protocol's Envoy showed. */
  record Row(String caseName, String gateway, Map<AdsProtocol, Outcome> outcomes) {}

  /** One Envoy's verdict and its time to LIVE after connecting. */
  record Outcome(String verdict, long liveMillis) {
    boolean ok() {
      return verdict.equals("ACK");
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs
          .filter(dir -> Files.exists(dir.resolve("input.yaml")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldenCase_isAcceptedByARealEnvoy_overDeltaAndStateOfTheWorld(String caseName)
      throws IOException {
    Path dir = GOLDEN.resolve(caseName);
    String manifests =
        RealCertificates.substitute(
            Files.readString(dir.resolve("input.yaml"), StandardCharsets.UTF_8));
    try (EchoBackends backends = EchoBackends.start(manifests);
        EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests(), serveFlags(dir))) {
      List<String> gateways = fixture.gateways();
      if (gateways.isEmpty()) {
        gateways = List.of(NO_GATEWAY);
      }
      // One Envoy at a time is started and timed to LIVE, so that its time is its own and not
      // that of several Envoys starting at once on a small machine (or of judging the others).
      Map<String, Map<AdsProtocol, Envoy>> envoys = new LinkedHashMap<>();
      Map<Envoy, Optional<Duration>> live = new HashMap<>();
      for (String gateway : gateways) {
        Map<AdsProtocol, Envoy> byProtocol = new EnumMap<>(AdsProtocol.class);
        for (AdsProtocol protocol : AdsProtocol.values()) {
          Envoy envoy = fixture.envoy(gateway, protocol);
          byProtocol.put(protocol, envoy);
          live.put(envoy, live(envoy));
        }
        envoys.put(gateway, byProtocol);
      }
      List<Row> rows = new ArrayList<>();
      envoys.forEach(
          (gateway, byProtocol) -> {
            Map<AdsProtocol, Outcome> outcomes = new EnumMap<>(AdsProtocol.class);
            byProtocol.forEach(
                (protocol, envoy) -> outcomes.put(protocol, judge(envoy, live.get(envoy))));
            rows.add(new Row(caseName, gateway, outcomes));
          });
      ROWS.addAll(rows);

      assertThat(fixture.nacks()).as("NACKs counted by Gatewire").isZero();
      for (Row row : rows) {
        row.outcomes()
            .forEach(
                (protocol, outcome) ->
                    assertThat(outcome.verdict())
                        .as("%s, Gateway %s, %s", caseName, row.gateway(), protocol)
                        .isEqualTo("ACK"));
      }
    }
  }

  /** How long {@code envoy} took to be LIVE after it connected; empty when it never was. */
  private static Optional<Duration> live(Envoy envoy) {
    try {
      return Optional.of(envoy.awaitLive(WAIT));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** "ACK", or what went wrong: not LIVE in time, rejections, warming resources. */
  private static Outcome judge(Envoy envoy, Optional<Duration> wasLive) {
    Duration live;
    try {
      live = wasLive.orElseGet(() -> envoy.awaitLive(WAIT));
      envoy.awaitStable(WAIT);
    } catch (IllegalStateException e) {
      return new Outcome("not LIVE: " + e.getMessage() + "\n" + envoy.stderr(), -1);
    }
    List<String> problems = new ArrayList<>();
    if (live.compareTo(LIVE_WITHIN) > 0) {
      problems.add("LIVE after " + live.toMillis() + " ms");
    }
    XdsCounts counts = envoy.xds();
    if (counts.rejected() > 0) {
      problems.add("rejected " + counts.byType() + ": " + envoy.stderr());
    }
    if (counts.success("cds") == 0 || counts.success("lds") == 0) {
      problems.add("no CDS or LDS accepted: " + counts.byType());
    }
    if (!envoy.warmingListeners().isEmpty()) {
      problems.add("warming listeners " + envoy.warmingListeners());
    }
    if (!envoy.warmingClusters().isEmpty()) {
      problems.add("warming clusters " + envoy.warmingClusters());
    }
    return new Outcome(problems.isEmpty() ? "ACK" : String.join("; ", problems), live.toMillis());
  }

  /**
   * The case's {@code flags.txt}, where {@code translate}'s {@code --withhold-secrets} means
   * serving without {@code --allow-insecure-secrets} (plaintext xDS withholds Secrets).
   */
  private static List<String> serveFlags(Path dir) {
    List<String> flags = new ArrayList<>();
    boolean withhold = false;
    Path file = dir.resolve("flags.txt");
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          if (line.trim().equals("--withhold-secrets")) {
            withhold = true;
          } else {
            flags.add(line.trim());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!withhold) {
      flags.add("--allow-insecure-secrets");
    }
    return flags;
  }

  @AfterAll
  static void printTable() {
    List<Row> rows =
        ROWS.stream()
            .sorted(Comparator.comparing(Row::caseName).thenComparing(Row::gateway))
            .toList();
    StringBuilder table = new StringBuilder("\nGolden cases through a real Envoy\n");
    table.append(
        String.format(
            Locale.ROOT,
            "%-48s %-28s %-6s %-6s %9s %9s%n",
            "case",
            "gateway",
            "delta",
            "sotw",
            "delta ms",
            "sotw ms"));
    for (Row row : rows) {
      Outcome delta = row.outcomes().get(AdsProtocol.DELTA);
      Outcome sotw = row.outcomes().get(AdsProtocol.SOTW);
      table.append(
          String.format(
              Locale.ROOT,
              "%-48s %-28s %-6s %-6s %9d %9d%n",
              row.caseName(),
              row.gateway(),
              delta.ok() ? "ACK" : "FAIL",
              sotw.ok() ? "ACK" : "FAIL",
              delta.liveMillis(),
              sotw.liveMillis()));
    }
    long ok =
        rows.stream().flatMap(row -> row.outcomes().values().stream()).filter(Outcome::ok).count();
    long all = rows.stream().mapToLong(row -> row.outcomes().size()).sum();
    table.append(String.format(Locale.ROOT, "%d of %d Envoys ACKed everything%n", ok, all));
    System.out.println(table);
  }
}
