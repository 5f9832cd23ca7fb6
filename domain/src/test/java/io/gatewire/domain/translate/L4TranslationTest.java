package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.backendIn;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.l4Route;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.tcp;
import static io.gatewire.domain.fixtures.Fixtures.tls;
import static io.gatewire.domain.fixtures.Fixtures.tlsSecret;
import static io.gatewire.domain.fixtures.Fixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TLS, TCP and UDP listeners with their routes, through the real translator. */
class L4TranslationTest {
  private static final BackendRef DB = BackendRef.service("db", 5432, 1);

  private static TranslationResult translate(KubernetesObject... objects) {
    List<KubernetesObject> all =
        new ArrayList<>(
            List.of(
                gatewayClass("gatewire"),
                service("ns", "db", "10.0.0.5", 5432),
                service("ns", "other", "10.0.0.6", 5432)));
    all.addAll(Arrays.asList(objects));
    return new Translator(TranslatorOptions.DEFAULTS)
        .translate(GatewayResources.builder().addAll(all).build());
  }

  private static IrGateway gw(TranslationResult r) {
    return r.ir().gateways().get(0);
  }

  private static IrListener listener(TranslationResult r, int port) {
    return gw(r).listeners().stream().filter(l -> l.port() == port).findFirst().orElseThrow();
  }

  private static List<StatusBody.RouteParentStatus> parents(
      TranslationResult r, String kind, String name) {
    return ((StatusBody.RouteStatus)
            r.statuses().stream()
                .filter(s -> s.kind().equals(kind) && s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .status())
        .parents();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }

  private static Condition routeCondition(
      TranslationResult r, String kind, String name, String type) {
    return condition(parents(r, kind, name).get(0).conditions(), type);
  }

  private static StatusBody.ListenerStatus listenerStatus(TranslationResult r, String name) {
    StatusBody.GatewayStatus status =
        (StatusBody.GatewayStatus)
            r.statuses().stream()
                .filter(s -> s.kind().equals("Gateway"))
                .findFirst()
                .orElseThrow()
                .status();
    return status.listeners().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  private static ObjectMeta meta(String tcpRouteName, long created) {
    return ObjectMeta.of("TCPRoute", GatewayApi.V1, "ns", tcpRouteName)
        .withCreationTimestamp(Instant.ofEpochSecond(created));
  }

  @Nested
  class Tcp {
    @Test
    void invalidBackendRefs_keepTheirShareOfConnections_forRejection() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              l4Route(
                  "TCPRoute",
                  "ns",
                  "pg",
                  "gw",
                  0,
                  List.of(),
                  "main",
                  BackendRef.service("missing", 5432, 80),
                  BackendRef.service("db", 5432, 20)));

      assertThat(withoutOrigin(listener(r, 5432).proxyChains()))
          .containsExactly(
              new IrProxyChain(
                  "db/tcproute/ns/pg", List.of(), List.of(), "tcproute/ns/pg/rule/0", 20, 80));
    }

    @Test
    void tcpRoute_getsOneTcpProxyChainToItsRuleCluster_withALocalityPerBackendRef() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              l4Route(
                  "TCPRoute",
                  "ns",
                  "pg",
                  "gw",
                  0,
                  List.of(),
                  "main",
                  BackendRef.service("db", 5432, 70),
                  BackendRef.service("other", 5432, 30)));

      IrListener l = listener(r, 5432);
      assertThat(l.name()).isEqualTo("ns/gw/5432");
      assertThat(l.routeConfigName()).isNull();
      assertThat(withoutOrigin(l.proxyChains()))
          .containsExactly(
              new IrProxyChain(
                  "db/tcproute/ns/pg", List.of(), List.of(), "tcproute/ns/pg/rule/0", 100, 0));
      assertThat(l.proxyChains().get(0).listener()).isEqualTo("db");
      assertThat(l.proxyChains().get(0).route())
          .isEqualTo(gw(r).clusters().get(0).metadata().resources().get(0));
      assertThat(l.proxyChains().get(0).route().sectionName()).isEqualTo("main");
      IrCluster cluster = gw(r).clusters().get(0);
      assertThat(cluster.name()).isEqualTo("tcproute/ns/pg/rule/0");
      assertThat(cluster.protocol()).isEqualTo(IrCluster.Protocol.L4);
      assertThat(cluster.localities())
          .extracting(IrLocality::region, IrLocality::weight)
          .containsExactly(
              tuple("tcproute/ns/pg/rule/0/backend/0", 70),
              tuple("tcproute/ns/pg/rule/0/backend/1", 30));
      assertThat(gw(r).routeConfigs()).isEmpty();
      assertThat(listenerStatus(r, "db").supportedKinds())
          .extracting(StatusBody.Kind::kind)
          .containsExactly("TCPRoute");
    }

    @Test
    void twoTcpRoutesOnOneListener_theOldestWins_theOtherIsNotAccepted() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              l4Route("TCPRoute", "ns", "a-young", "gw", 200, List.of(), null, DB),
              l4Route(
                  "TCPRoute",
                  "ns",
                  "z-old",
                  "gw",
                  100,
                  List.of(),
                  null,
                  BackendRef.service("other", 5432, 1)));

      assertThat(listener(r, 5432).proxyChains())
          .extracting(IrProxyChain::cluster)
          .containsExactly("tcproute/ns/z-old/rule/0");
      assertThat(gw(r).clusters())
          .extracting(IrCluster::name)
          .containsExactly("tcproute/ns/z-old/rule/0");
      Condition young = routeCondition(r, "TCPRoute", "a-young", "Accepted");
      assertThat(young.holds()).isFalse();
      assertThat(young.reason()).isEqualTo("UnsupportedValue");
      assertThat(young.message()).contains("TCPRoute ns/z-old");
      assertThat(routeCondition(r, "TCPRoute", "z-old", "Accepted").holds()).isTrue();
      assertThat(listenerStatus(r, "db").attachedRoutes())
          .isEqualTo(1); // only the accepted route counts
    }

    @Test
    void sameCreationTime_tiesBreakByNamespaceAndName() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              l4Route("TCPRoute", "ns", "b", "gw", 100, List.of(), null, DB),
              l4Route("TCPRoute", "ns", "a", "gw", 100, List.of(), null, DB));

      assertThat(listener(r, 5432).proxyChains())
          .extracting(IrProxyChain::cluster)
          .containsExactly("tcproute/ns/a/rule/0");
      assertThat(routeCondition(r, "TCPRoute", "b", "Accepted").holds()).isFalse();
    }

    @Test
    void routeLosingOneListener_butWinningAnother_staysAccepted() {
      L4Route old =
          new L4Route(
              meta("old", 100),
              List.of(
                  new ParentRef(
                      GatewayApi.GROUP,
                      "Gateway",
                      Optional.empty(),
                      "gw",
                      Optional.of("a"),
                      OptionalInt.empty())),
              List.of(),
              List.of(new L4Route.Rule(Optional.empty(), List.of(DB))));
      L4Route both =
          new L4Route(
              meta("both", 200),
              List.of(ParentRef.gateway("gw")),
              List.of(),
              List.of(new L4Route.Rule(Optional.empty(), List.of(DB))));

      TranslationResult r =
          translate(gateway("ns", "gw", tcp("a", 5432), tcp("b", 6432)), old, both);

      assertThat(routeCondition(r, "TCPRoute", "both", "Accepted").holds()).isTrue();
      assertThat(listener(r, 5432).proxyChains())
          .extracting(IrProxyChain::cluster)
          .containsExactly("tcproute/ns/old/rule/0");
      assertThat(listener(r, 6432).proxyChains())
          .extracting(IrProxyChain::cluster)
          .containsExactly("tcproute/ns/both/rule/0");
    }

    @Test
    void allBackendsInvalid_keepsTheChainToAClusterWithoutLocality_andSaysConnectionsAreClosed() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              l4Route(
                  "TCPRoute",
                  "ns",
                  "pg",
                  "gw",
                  0,
                  List.of(),
                  null,
                  backendIn("elsewhere", "db", 5432, 1)));

      assertThat(listener(r, 5432).proxyChains()).hasSize(1);
      assertThat(gw(r).clusters().get(0).localities()).isEmpty();
      Condition resolved = routeCondition(r, "TCPRoute", "pg", "ResolvedRefs");
      assertThat(resolved.reason()).isEqualTo("RefNotPermitted");
      assertThat(resolved.message()).contains("every connection is closed");
      assertThat(routeCondition(r, "TCPRoute", "pg", "Accepted").holds()).isTrue();
    }

    @Test
    void severalRules_onlyTheFirstIsUsed_withAWarning() {
      L4Route route =
          new L4Route(
              meta("pg", 0),
              List.of(ParentRef.gateway("gw")),
              List.of(),
              List.of(
                  new L4Route.Rule(Optional.empty(), List.of(DB)),
                  new L4Route.Rule(
                      Optional.empty(), List.of(BackendRef.service("other", 5432, 1)))));

      TranslationResult r = translate(gateway("ns", "gw", tcp("db", 5432)), route);

      assertThat(gw(r).clusters())
          .extracting(IrCluster::name)
          .containsExactly("tcproute/ns/pg/rule/0");
      assertThat(r.warnings())
          .extracting(Warning::message)
          .anyMatch(m -> m.contains("only the first is used"));
    }

    @Test
    void tcpListenerWithoutRoute_getsNoEnvoyListener_butIsProgrammed() {
      TranslationResult r = translate(gateway("ns", "gw", tcp("db", 5432)));

      assertThat(gw(r).listeners()).isEmpty();
      assertThat(condition(listenerStatus(r, "db").conditions(), "Programmed").holds()).isTrue();
    }

    @Test
    void tcpAndHttpOnOnePort_conflict() {
      TranslationResult r = translate(gateway("ns", "gw", http("web", 80), tcp("raw", 80)));

      assertThat(condition(listenerStatus(r, "raw").conditions(), "Conflicted").reason())
          .isEqualTo("ProtocolConflict");
      assertThat(gw(r).listeners()).isEmpty();
    }

    @Test
    void twoTcpListenersOnOnePort_conflictWhateverTheirHostnames() {
      Listener a =
          new Listener(
              "a", Optional.of("a.com"), 5432, ListenerProtocol.TCP, Optional.empty(), null);
      Listener b =
          new Listener(
              "b", Optional.of("b.com"), 5432, ListenerProtocol.TCP, Optional.empty(), null);

      TranslationResult r = translate(gateway("ns", "gw", a, b));

      assertThat(condition(listenerStatus(r, "a").conditions(), "Conflicted").holds()).isTrue();
      assertThat(condition(listenerStatus(r, "b").conditions(), "Conflicted").holds()).isTrue();
    }

    @Test
    void tcpAndUdpOnOnePort_areDistinct_andGetOneEnvoyListenerEach() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("dns-tcp", 53), udp("dns-udp", 53)),
              l4Route("TCPRoute", "ns", "t", "gw", 0, List.of(), null, DB),
              l4Route("UDPRoute", "ns", "u", "gw", 0, List.of(), null, DB));

      assertThat(condition(listenerStatus(r, "dns-tcp").conditions(), "Conflicted").holds())
          .isFalse();
      assertThat(condition(listenerStatus(r, "dns-udp").conditions(), "Programmed").holds())
          .isTrue();
      assertThat(gw(r).listeners())
          .extracting(IrListener::name, IrListener::udpCluster)
          .containsExactly(tuple("ns/gw/53", null), tuple("ns/gw/53/udp", "udproute/ns/u/rule/0"));
      assertThat(routeCondition(r, "TCPRoute", "t", "Accepted").holds()).isTrue();
      assertThat(routeCondition(r, "UDPRoute", "u", "Accepted").holds()).isTrue();
    }

    @Test
    void httpRouteOnATcpListener_isNotAllowed() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tcp("db", 5432)),
              httpRoute("ns", "web").parent("gw").rule(List.of(prefix("/")), DB).build());

      Condition accepted =
          condition(parents(r, "HTTPRoute", "web").get(0).conditions(), "Accepted");
      assertThat(accepted.reason()).isEqualTo("NotAllowedByListeners");
      assertThat(gw(r).listeners()).isEmpty();
    }
  }

  @Nested
  class Tls {
    @Test
    void passthrough_chainsSelectBySniWithoutTermination() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tls("tls", 8443, "*.example.com", null)),
              l4Route(
                  "TLSRoute",
                  "ns",
                  "a",
                  "gw",
                  0,
                  List.of("a.example.com", "a.other.org"),
                  null,
                  DB),
              l4Route("TLSRoute", "ns", "b", "gw", 0, List.of("b.example.com"), null, DB));

      assertThat(withoutOrigin(listener(r, 8443).proxyChains()))
          .containsExactly(
              new IrProxyChain(
                  "tls/tlsroute/ns/a", List.of("a.example.com"), List.of(), "tlsroute/ns/a/rule/0"),
              new IrProxyChain(
                  "tls/tlsroute/ns/b",
                  List.of("b.example.com"),
                  List.of(),
                  "tlsroute/ns/b/rule/0"));
      assertThat(gw(r).secrets()).isEmpty();
    }

    @Test
    void terminate_chainCarriesTheListenersCertificates() {
      TranslationResult r =
          translate(
              tlsSecret("ns", "cert"),
              gateway("ns", "gw", tls("tls", 8443, null, "cert")),
              l4Route("TLSRoute", "ns", "a", "gw", 0, List.of("a.example.com"), null, DB));

      assertThat(withoutOrigin(listener(r, 8443).proxyChains()))
          .containsExactly(
              new IrProxyChain(
                  "tls/tlsroute/ns/a",
                  List.of("a.example.com"),
                  List.of("ns/cert"),
                  "tlsroute/ns/a/rule/0"));
      assertThat(gw(r).secrets()).extracting(s -> s.name()).containsExactly("ns/cert");
    }

    @Test
    void routeWithoutHostnames_onListenerWithoutHostname_takesAnyServerName() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tls("tls", 8443, null, null)),
              l4Route("TLSRoute", "ns", "a", "gw", 0, List.of(), null, DB));

      assertThat(listener(r, 8443).proxyChains().get(0).serverNames()).isEmpty();
    }

    @Test
    void sameServerNameInTwoRoutes_goesToTheOldest_theOtherKeepsWhatItWon() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tls("tls", 8443, null, null)),
              l4Route(
                  "TLSRoute", "ns", "young", "gw", 200, List.of("shared.com", "own.com"), null, DB),
              l4Route("TLSRoute", "ns", "old", "gw", 100, List.of("shared.com"), null, DB),
              l4Route("TLSRoute", "ns", "loser", "gw", 300, List.of("shared.com"), null, DB));

      assertThat(listener(r, 8443).proxyChains())
          .extracting(IrProxyChain::name, IrProxyChain::serverNames)
          .containsExactly(
              tuple("tls/tlsroute/ns/old", List.of("shared.com")),
              tuple("tls/tlsroute/ns/young", List.of("own.com")));
      assertThat(routeCondition(r, "TLSRoute", "young", "Accepted").holds()).isTrue();
      Condition loser = routeCondition(r, "TLSRoute", "loser", "Accepted");
      assertThat(loser.reason()).isEqualTo("UnsupportedValue");
      assertThat(loser.message()).contains("shared.com", "TLSRoute ns/old");
    }

    @Test
    void nonIntersectingHostnames_areNotAccepted() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tls("tls", 8443, "*.example.com", null)),
              l4Route("TLSRoute", "ns", "a", "gw", 0, List.of("a.other.org"), null, DB));

      assertThat(routeCondition(r, "TLSRoute", "a", "Accepted").reason())
          .isEqualTo("NoMatchingListenerHostname");
      assertThat(gw(r).listeners()).isEmpty();
    }

    @Test
    void terminateWithoutCertificateRefs_isNotProgrammed() {
      Listener bare =
          new Listener(
              "tls",
              Optional.empty(),
              8443,
              ListenerProtocol.TLS,
              Optional.of(new ListenerTls("Terminate", List.of())),
              null);

      TranslationResult r = translate(gateway("ns", "gw", bare));

      StatusBody.ListenerStatus status = listenerStatus(r, "tls");
      assertThat(condition(status.conditions(), "ResolvedRefs").reason())
          .isEqualTo("InvalidCertificateRef");
      assertThat(condition(status.conditions(), "Programmed").holds()).isFalse();
    }

    @Test
    void tcpRouteOnATlsListener_isNotAllowed() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", tls("tls", 8443, null, null)),
              l4Route("TCPRoute", "ns", "raw", "gw", 0, List.of(), null, DB));

      assertThat(routeCondition(r, "TCPRoute", "raw", "Accepted").reason())
          .isEqualTo("NotAllowedByListeners");
      assertThat(listenerStatus(r, "tls").supportedKinds())
          .extracting(StatusBody.Kind::kind)
          .containsExactly("TLSRoute");
    }
  }

  @Nested
  class Udp {
    @Test
    void udpRoute_getsAUdpListenerToItsCluster() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", udp("dns", 5353)),
              l4Route(
                  "UDPRoute",
                  "ns",
                  "dns",
                  "gw",
                  0,
                  List.of(),
                  null,
                  BackendRef.service("db", 5432, 1)));

      IrListener l = listener(r, 5353);
      assertThat(l.name()).isEqualTo("ns/gw/5353/udp");
      assertThat(l.udpCluster()).isEqualTo("udproute/ns/dns/rule/0");
      assertThat(l.proxyChains())
          .as("one chain saying which listener and route the UDP listener forwards for")
          .singleElement()
          .satisfies(
              chain -> {
                assertThat(chain.name()).isEqualTo("dns/udproute/ns/dns");
                assertThat(chain.cluster()).isEqualTo("udproute/ns/dns/rule/0");
                assertThat(chain.listener()).isEqualTo("dns");
                assertThat(chain.route().kind()).isEqualTo("UDPRoute");
                assertThat(chain.route().name()).isEqualTo("dns");
              });
      assertThat(gw(r).clusters())
          .extracting(IrCluster::name)
          .containsExactly("udproute/ns/dns/rule/0");
      assertThat(listenerStatus(r, "dns").supportedKinds())
          .extracting(StatusBody.Kind::kind)
          .containsExactly("UDPRoute");
    }

    @Test
    void twoUdpRoutes_theOldestWins() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", udp("dns", 5353)),
              l4Route("UDPRoute", "ns", "young", "gw", 200, List.of(), null, DB),
              l4Route("UDPRoute", "ns", "old", "gw", 100, List.of(), null, DB));

      assertThat(listener(r, 5353).udpCluster()).isEqualTo("udproute/ns/old/rule/0");
      assertThat(routeCondition(r, "UDPRoute", "young", "Accepted").message())
          .contains("UDP listener dns");
    }
  }

  /** The chains without the Gateway listener and route they name, for comparing the rest. */
  private static List<IrProxyChain> withoutOrigin(List<IrProxyChain> chains) {
    return chains.stream()
        .map(
            c ->
                new IrProxyChain(
                    c.name(),
                    c.serverNames(),
                    c.secretNames(),
                    c.cluster(),
                    c.backendWeight(),
                    c.invalidWeight()))
        .toList();
  }
}
