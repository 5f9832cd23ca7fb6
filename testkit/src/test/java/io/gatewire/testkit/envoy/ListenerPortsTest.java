package io.gatewire.testkit.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener port race against a real Envoy: a port taken between choosing it and Envoy binding
 * it is reported at once ({@link PortTakenException}) instead of a listener that never answers, and
 * {@link ListenerPorts#withRetry} moves to another port. Envoy takes its listener from a file (LDS
 * from a path), so no xDS server is needed; the listener answers every connection with a fixed
 * text.
 */
class ListenerPortsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void pick_choosesAFreePortBelowTheEphemeralRange() throws IOException {
    int port = ListenerPorts.pick();

    assertThat(port).isBetween(ListenerPorts.LOWEST, 65_535);
    if (ListenerPorts.ephemeralLow() > ListenerPorts.LOWEST + 1_000) {
      assertThat(port).isLessThan(ListenerPorts.ephemeralLow());
    }
    new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
  }

  @Test
  void aListenerPortTakenByAnotherProcess_isReportedAtOnce() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Envoy envoy = startWithListenerOn(taken.getLocalPort())) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> envoy.awaitListenersBound(TIMEOUT))
          .isInstanceOf(PortTakenException.class)
          .hasMessageContaining("fixed")
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
      assertThat(envoy.listenerErrors()).containsKey("fixed");
    }
  }

  @Test
  void withRetry_startsAgainOnAnotherPort_whenTheFirstWasTaken() throws IOException {
    List<Integer> tried = new ArrayList<>();
    List<ServerSocket> thieves = new ArrayList<>();
    List<Envoy> started = new ArrayList<>();
    try {
      Envoy envoy =
          ListenerPorts.withRetry(
              3,
              port -> {
                tried.add(port);
                if (tried.size() == 1) {
                  thieves.add(bind(port)); // another process takes it before Envoy does
                }
                Envoy attempt = startWithListenerOn(port);
                started.add(attempt);
                try {
                  attempt.awaitListenersBound(TIMEOUT);
                } catch (RuntimeException e) {
                  attempt.close();
                  throw e;
                }
                return attempt;
              });

      assertThat(tried).hasSize(2).doesNotHaveDuplicates();
      assertThat(started.get(0).isAlive()).as("the first Envoy is stopped").isFalse();
      assertThat(envoy.listenerErrors()).isEmpty();
      assertThat(read(tried.get(1))).isEqualTo("fixed answer\n");
    } finally {
      started.forEach(Envoy::close);
      for (ServerSocket thief : thieves) {
        thief.close();
      }
    }
  }

  @Test
  void withRetry_givesUpAfterItsAttempts() {
    List<Integer> tried = new ArrayList<>();

    assertThatThrownBy(
            () ->
                ListenerPorts.withRetry(
                    2,
                    port -> {
                      tried.add(port);
                      throw new PortTakenException("l", "cannot bind '127.0.0.1:" + port + "'");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("every port tried was taken")
        .hasCauseInstanceOf(PortTakenException.class);
    assertThat(tried).hasSize(2);
  }

  private Envoy startWithListenerOn(int port) {
    try {
      Path attempt = Files.createTempDirectory(dir, "envoy-");
      Path lds = attempt.resolve("lds.yaml");
      Files.writeString(
          lds,
          """
          resources:
          - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
            name: fixed
            address: {socket_address: {address: 127.0.0.1, port_value: %d}}
            filter_chains:
            - filters:
              - name: envoy.filters.network.direct_response
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.network.direct_response.v3.Config
                  response: {inline_string: "fixed answer\\n"}
          """
              .formatted(port),
          StandardCharsets.UTF_8);
      String bootstrap =
          """
          node: {id: listener-ports-test, cluster: test}
          admin: {address: {socket_address: {address: 127.0.0.1, port_value: 0}}}
          dynamic_resources:
            lds_config:
              resource_api_version: V3
              path_config_source: {path: "%s"}
          """
              .formatted(lds);
      return Envoy.start(bootstrap, "warning", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerSocket bind(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
