package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster source against fabric8's CRUD mock API server: one server and two running sources
 * (every namespace; one namespace) for the class, a namespace per test, nothing closed before the
 * end. TCPRoute is served only as v1alpha2 and ReferenceGrant only as v1beta1, as in the Gateway
 * API v1.6 standard CRDs of a cluster that has them.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesConfigurationSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static MockCluster cluster;
  private static KubernetesConfigurationSource source;
  private static KubernetesConfigurationSource scoped;
  private static KubernetesConfigurationSource fresh;
  private static ConfigurationSource.Watch watch;
  private static final AtomicInteger signals = new AtomicInteger();

  @BeforeAll
  static void startSources() throws SourceException {
    Map<String, String> crds = MockCluster.allCrdsAtV1();
    crds.put("TCPRoute", "v1alpha2");
    crds.put("ReferenceGrant", "v1beta1");
    cluster = new MockCluster(client).installCrds(crds);
    source = KubernetesConfigurationSource.create(client, KubernetesSourceOptions.ALL_NAMESPACES);
    watch = source.watch(signals::incrementAndGet);
    scoped =
        KubernetesConfigurationSource.create(client, KubernetesSourceOptions.namespace("scoped"));
    scoped.load();
  }

  @AfterAll
  static void stopSources() {
    try {
      watch.close();
      scoped.close();
      if (fresh != null) {
        fresh.close();
      }
    } catch (RuntimeException e) {
      System.err.println("teardown: " + e);
    }
  }

  @Test
  void servedVersions_fallBackPerKind() {
    assertThat(source.watchedKinds())
        .contains(
            "gateway.networking.k8s.io/v1 HTTPRoute",
            "gateway.networking.k8s.io/v1alpha2 TCPRoute",
            "gateway.networking.k8s.io/v1beta1 ReferenceGrant",
            "multicluster.x-k8s.io/v1alpha1 ServiceImport",
            "gateway.envoyproxy.io/v1alpha1 Backend",
            "gatewire.io/v1alpha1 ProxySettings",
            "discovery.k8s.io/v1 EndpointSlice");
  }

  @Test
  void everyKind_isDecoded_andOnlyReferencedSecretsAreRead() {
    cluster.apply(everyKind("kinds"));

    GatewayResources loaded = awaitLoad(source, r -> refs(r, "kinds").size() >= 14);

    assertThat(refs(loaded, "kinds"))
        .containsExactlyInAnyOrder(
            new ObjectRef("Gateway", "kinds", "edge"),
            new ObjectRef("HTTPRoute", "kinds", "web"),
            new ObjectRef("GRPCRoute", "kinds", "rpc"),
            new ObjectRef("TLSRoute", "kinds", "tls"),
            new ObjectRef("TCPRoute", "kinds", "tcp"),
            new ObjectRef("UDPRoute", "kinds", "udp"),
            new ObjectRef("ReferenceGrant", "kinds", "grant"),
            new ObjectRef("Service", "kinds", "api"),
            new ObjectRef("EndpointSlice", "kinds", "api-1"),
            new ObjectRef("ServiceImport", "kinds", "imported"),
            new ObjectRef("Backend", "kinds", "external"),
            new ObjectRef("ProxySettings", "kinds", "traced"),
            new ObjectRef("Secret", "kinds", "cert"),
            new ObjectRef("Namespace", "", "kinds"));
    assertThat(loaded.gatewayClasses())
        .anySatisfy(c -> assertThat(c.meta().name()).isEqualTo("kinds-class"));
    assertThat(loaded.l4Routes())
        .filteredOn(r -> r.meta().kind().equals("TCPRoute"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.meta().groupVersion())
                    .isEqualTo("gateway.networking.k8s.io/v1alpha2"));
    assertThat(loaded.secrets())
        .filteredOn(s -> s.meta().namespace().equals("kinds"))
        .singleElement()
        .satisfies(s -> assertThat(new String(s.data().get("tls.crt"))).isEqualTo("CERT"));
  }

  @Test
  void secrets_followTheGatewaysCertificateRefs() {
    cluster.apply(
        secret("certs", "first") + secret("certs", "second") + gatewayWithCert("certs", "first"));
    awaitLoad(source, r -> secretNames(r, "certs").equals(List.of("first")));

    cluster.apply(gatewayWithCert("certs", "second"));

    assertThat(
            secretNames(
                awaitLoad(source, r -> secretNames(r, "certs").equals(List.of("second"))), "certs"))
        .containsExactly("second");
  }

  @Test
  void aSecretWhoseListFailed_isListedAgainByItsInformer_withinTheLoad() {
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/retry/secrets?fieldSelector=metadata.name%3Dcert&resourceVersion=0")
        .andReturn(403, "forbidden")
        .once();
    cluster.apply(secret("retry", "cert") + gatewayWithCert("retry", "cert"));
    List<String> errors = new CopyOnWriteArrayList<>();

    await()
        .atMost(WAIT)
        .until(
            () -> {
              try {
                return secretNames(source.load(), "retry").equals(List.of("cert"));
              } catch (SourceException e) {
                errors.add(e.getMessage());
                return false;
              }
            });

    // the informer retried its list (403 once) while the load waited for it
    assertThat(errors).isEmpty();
  }

  @Test
  void statusOnlyUpdate_signalsNothing_andLoadsTheSameInstance() throws Exception {
    cluster.apply(route("status", "web", "api"));
    awaitLoad(source, r -> refs(r, "status").contains(new ObjectRef("HTTPRoute", "status", "web")));
    GatewayResources before = awaitQuiet();
    int signalsBefore = signals.get();

    cluster.updateStatus(
        route("status", "web", "api")
            + """
        status:
          parents:
          - parentRef: {name: edge}
            controllerName: gatewire.io/gateway-controller
            conditions: [{type: Accepted, status: "True", reason: Accepted, message: ok,
              lastTransitionTime: "2026-01-01T00:00:00Z"}]
        """);
    Thread.sleep(300);

    assertThat(signals.get()).isEqualTo(signalsBefore);
    assertThat(source.load() == before).as("the very same GatewayResources").isTrue();

    cluster.apply(route("status", "web", "other"));
    await().atMost(WAIT).until(() -> signals.get() > signalsBefore);
  }

  @Test
  void decodeError_keepsTheLastGoodVersion_andLeavesOutObjectsNeverDecoded() throws Exception {
    cluster.apply(route("broken", "web", "api"));
    HttpRoute good =
        (HttpRoute)
            find(
                awaitLoad(source, r -> find(r, "HTTPRoute", "broken", "web") != null),
                "HTTPRoute",
                "broken",
                "web");

    int signalsBefore = signals.get();
    cluster.apply(brokenRoute("broken", "web") + brokenRoute("broken", "never"));
    await().atMost(WAIT).until(() -> signals.get() >= signalsBefore + 2);
    GatewayResources loaded = source.load();

    assertThat(find(loaded, "HTTPRoute", "broken", "web")).isEqualTo(good);
    assertThat(find(loaded, "HTTPRoute", "broken", "never")).isNull();
  }

  @Test
  void location_namesTheClusterObject_andTheResourceVersionItWasDecodedFrom() throws Exception {
    String stored =
        cluster.apply(route("located", "web", "api")).get(0).getMetadata().getResourceVersion();
    awaitLoad(source, r -> find(r, "HTTPRoute", "located", "web") != null);

    assertThat(source.location(new ObjectRef("HTTPRoute", "located", "web")))
        .contains("cluster: HTTPRoute located/web resourceVersion " + stored);
    assertThat(source.location(new ObjectRef("HTTPRoute", "located", "nope"))).isEmpty();
  }

  @Test
  void anInvalidProxySettings_keepsItsLastGoodVersion() throws Exception {
    cluster.apply(proxySettings("settings", "sampled", "samplingPercent: 10"));
    KubernetesObject good =
        find(
            awaitLoad(source, r -> find(r, "ProxySettings", "settings", "sampled") != null),
            "ProxySettings",
            "settings",
            "sampled");

    int signalsBefore = signals.get();
    cluster.apply(proxySettings("settings", "sampled", "samplingPercent: 1000"));
    await().atMost(WAIT).until(() -> signals.get() > signalsBefore);

    assertThat(find(source.load(), "ProxySettings", "settings", "sampled")).isEqualTo(good);
  }

  private static String proxySettings(String ns, String name, String tracing) {
    return """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: %s, namespace: %s}
        spec: {tracing: {%s}}
        ---
        """
        .formatted(name, ns, tracing);
  }

  @Test
  void namespaceOption_watchesThatNamespaceOnly() {
    cluster.apply(
        namespace("scoped", "team: a")
            + namespace("elsewhere", "team: b")
            + route("scoped", "web", "api")
            + route("elsewhere", "web", "api"));

    GatewayResources loaded =
        awaitLoad(
            scoped,
            r ->
                find(r, "HTTPRoute", "scoped", "web") != null
                    && find(r, "Namespace", "", "scoped") != null);

    assertThat(loaded.all()).extracting(o -> o.meta().namespace()).containsOnly("scoped", "");
    assertThat(loaded.namespaces()).extracting(n -> n.meta().name()).containsExactly("scoped");
    assertThat(loaded.gatewayClasses()).isNotEmpty();
  }

  @Test
  void firstLoad_waitsForTheInitialLists() throws SourceException {
    cluster.apply(route("initial", "web", "api") + namespace("initial", "team: c"));
    fresh =
        KubernetesConfigurationSource.create(client, KubernetesSourceOptions.namespace("initial"));

    GatewayResources first = fresh.load();

    assertThat(refs(first, "initial"))
        .contains(
            new ObjectRef("HTTPRoute", "initial", "web"),
            new ObjectRef("Namespace", "", "initial"));
  }

  private static GatewayResources awaitQuiet() throws SourceException {
    GatewayResources[] last = {source.load()};
    await()
        .atMost(WAIT)
        .pollDelay(Duration.ofMillis(200))
        .until(
            () -> {
              GatewayResources now = source.load();
              boolean same = now == last[0];
              last[0] = now;
              return same;
            });
    return last[0];
  }

  private static GatewayResources awaitLoad(
      KubernetesConfigurationSource from, Predicate<GatewayResources> done) {
    GatewayResources[] loaded = new GatewayResources[1];
    await()
        .atMost(WAIT)
        .until(
            () -> {
              loaded[0] = from.load();
              return done.test(loaded[0]);
            });
    return loaded[0];
  }

  private static List<ObjectRef> refs(GatewayResources resources, String namespace) {
    return resources.all().stream()
        .map(KubernetesObject::ref)
        .filter(r -> r.namespace().equals(namespace) || r.name().equals(namespace))
        .toList();
  }

  private static List<String> secretNames(GatewayResources resources, String namespace) {
    return resources.secrets().stream()
        .filter(s -> s.meta().namespace().equals(namespace))
        .map(Secret::meta)
        .map(m -> m.name())
        .toList();
  }

  private static KubernetesObject find(
      GatewayResources resources, String kind, String namespace, String name) {
    return resources.all().stream()
        .filter(o -> o.ref().equals(new ObjectRef(kind, namespace, name)))
        .findFirst()
        .orElse(null);
  }

  static String namespace(String name, String labels) {
    return """
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s, labels: {%s}}
        """
        .formatted(name, labels);
  }

  static String route(String namespace, String name, String service) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: %s}
        spec:
          parentRefs: [{name: edge}]
          rules: [{backendRefs: [{name: %s, port: 80}]}]
        """
        .formatted(name, namespace, service);
  }

  static String brokenRoute(String namespace, String name) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: %s}
        spec:
          parentRefs: [{name: edge}]
          rules: [{backendRefs: [{name: api, port: eighty}]}]
        """
        .formatted(name, namespace);
  }

  static String secret(String namespace, String name) {
    return """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: %s, namespace: %s}
        type: kubernetes.io/tls
        data: {tls.crt: Q0VSVA==, tls.key: S0VZ}
        """
        .formatted(name, namespace);
  }

  static String gatewayWithCert(String namespace, String secret) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: %s}
        spec:
          gatewayClassName: gatewire
          listeners:
          - name: https
            port: 443
            protocol: HTTPS
            tls: {mode: Terminate, certificateRefs: [{name: %s}]}
        """
        .formatted(namespace, secret);
  }

  private static String everyKind(String ns) {
    return namespace(ns, "team: kinds")
        + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: %1$s-class}
        spec: {controllerName: gatewire.io/gateway-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc, namespace: %1$s}
        spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: api, port: 80}]}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: tls, namespace: %1$s}
        spec: {parentRefs: [{name: edge}], hostnames: [a.example.com], rules: [{backendRefs: [{name: api, port: 80}]}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: tcp, namespace: %1$s}
        spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: api, port: 80}]}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: UDPRoute
        metadata: {name: udp, namespace: %1$s}
        spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: api, port: 80}]}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: grant, namespace: %1$s}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}]
          to: [{group: "", kind: Service}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: %1$s}
        spec: {clusterIP: 10.0.0.1, ports: [{name: http, port: 80}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: api-1, namespace: %1$s, labels: {kubernetes.io/service-name: api}}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: [10.1.0.1], conditions: {ready: true}}]
        ---
        apiVersion: multicluster.x-k8s.io/v1alpha1
        kind: ServiceImport
        metadata: {name: imported, namespace: %1$s}
        spec: {type: ClusterSetIP, ips: [10.2.0.1], ports: [{port: 80}]}
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: external, namespace: %1$s}
        spec: {endpoints: [{fqdn: {hostname: example.com, port: 443}}]}
        ---
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: traced, namespace: %1$s}
        spec: {tracing: {collector: {host: otel, port: 4317}}}
        """
            .formatted(ns)
        + route(ns, "web", "api")
        + secret(ns, "cert")
        + secret(ns, "unreferenced")
        + gatewayWithCert(ns, "cert");
  }
}
