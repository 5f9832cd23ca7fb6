package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.gatewire.adapters.xds.proto.DeterministicBytes;
import io.gatewire.domain.fixtures.Fixtures;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.incremental.ResourceChanges;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.LabelSelector;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.ReferenceGrant;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServicePort;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental path (one memo table for the translator and one XdsServing kept across publishes,
 * reusing what did not change) must give exactly what a fresh translator and server give for the
 * same resources: the same IR, status and warnings, and per node group the same resource names,
 * versions and bytes. Every other step shares the unchanged objects of the previous input, as the
 * pipeline does ({@link ResourceChanges}); the steps between compare equal objects that are not the
 * same instances. Checked after every step of seeded random edit sequences: routes added, removed
 * and edited (paths, hostnames, backends, annotations), Service ports changed, EndpointSlice
 * readiness and addresses changed, ReferenceGrants added and removed, Namespace labels and Gateway
 * listeners changed.
 */
class IncrementalEquivalenceTest {
  private static final int STEPS = 120;
  private static final List<String> HOSTS =
      List.of("a.example.com", "b.example.com", "*.example.com", "c.test");
  private static final List<String> PATHS = List.of("/", "/api", "/api/v1", "/shop");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void everyStep_equalsAFreshFullTranslation(long seed) {
    everyStepEqualsAFreshFullTranslation(seed, true);
  }

  /** With one Gateway, whose snapshot is also the merged one. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void oneGateway_everyStep_equalsAFreshFullTranslation(long seed) {
    everyStepEqualsAFreshFullTranslation(seed, false);
  }

  private static void everyStepEqualsAFreshFullTranslation(long seed, boolean secondGateway) {
    Random random = new Random(seed);
    Map<ObjectRef, KubernetesObject> objects = new LinkedHashMap<>();
    initial(random, secondGateway).forEach(o -> objects.put(o.ref(), o));
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    Memos memos = new Memos();
    XdsServing incremental = serving();
    GatewayResources previous = null;

    for (int step = 0; step < STEPS; step++) {
      GatewayResources loaded = GatewayResources.builder().addAll(objects.values()).build();
      GatewayResources resources =
          step % 2 == 0 ? ResourceChanges.between(previous, loaded).resources() : loaded;
      TranslationResult result = translator.translate(resources, memos);
      memos.endGeneration();
      incremental.publish(result.ir());

      TranslationResult fresh = new Translator(TranslatorOptions.DEFAULTS).translate(resources);
      XdsServing full = serving();
      full.publish(fresh.ir());
      String at = "seed " + seed + " step " + step;
      assertThat(result.ir()).as(at).isEqualTo(fresh.ir());
      assertThat(result.statuses()).as(at).isEqualTo(fresh.statuses());
      assertThat(result.warnings()).as(at).isEqualTo(fresh.warnings());
      assertThat(incremental.nodeGroups()).as(at).isEqualTo(full.nodeGroups());
      for (String group : full.nodeGroups()) {
        assertThat(served(incremental, group))
            .as(at + " group " + group)
            .isEqualTo(served(full, group));
      }

      Map<String, Map<String, String>> before = versions(incremental);
      TranslationResult again =
          translator.translate(GatewayResources.builder().addAll(objects.values()).build(), memos);
      memos.endGeneration();
      incremental.publish(again.ir());
      assertThat(versions(incremental))
          .as(at + ": publishing the same resources again")
          .isEqualTo(before);

      previous = resources;
      edit(random, objects);
    }
  }

  private static XdsServing serving() {
    return new XdsServing(
        new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
  }

  /** Per type, each resource's name to its version and bytes (hex). */
  private static Map<String, Map<String, String>> served(XdsServing xds, String group) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
      Map<String, String> byName = new TreeMap<>();
      xds.servedSnapshot(group)
          .versionedResources(type)
          .forEach(
              (name, resource) ->
                  byName.put(
                      name,
                      resource.version()
                          + " "
                          + java.util.HexFormat.of()
                              .formatHex(DeterministicBytes.of((Message) resource.resource()))));
      all.put(type + " " + xds.servedSnapshot(group).version(type), byName);
    }
    return all;
  }

  private static Map<String, Map<String, String>> versions(XdsServing xds) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (String group : xds.nodeGroups()) {
      for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
        Map<String, String> byName = new TreeMap<>();
        Map<String, VersionedResource<?>> resources =
            xds.servedSnapshot(group).versionedResources(type);
        resources.forEach((name, resource) -> byName.put(name, resource.version()));
        all.put(group + " " + type + " " + xds.servedSnapshot(group).version(type), byName);
      }
    }
    return all;
  }

  private static List<KubernetesObject> initial(Random random, boolean secondGateway) {
    List<KubernetesObject> objects = new ArrayList<>();
    objects.add(Fixtures.gatewayClass("gatewire"));
    objects.add(gateway(Optional.empty()));
    if (secondGateway) {
      objects.add(Fixtures.gateway("ops", "edge", Fixtures.allowAll(Fixtures.http("web", 80))));
    }
    objects.add(Fixtures.namespace("apps", Map.of()));
    objects.add(Fixtures.namespace("team", Map.of("env", "prod")));
    for (int s = 0; s < 4; s++) {
      objects.add(service("apps", s, 80));
      objects.add(slice(random, "apps", s));
      objects.add(service("shared", s, 80));
      objects.add(slice(random, "shared", s));
    }
    for (int r = 0; r < 6; r++) {
      objects.add(route(random, r));
    }
    return objects;
  }

  /**
   * Gateway apps/eg: an HTTP listener on 80 (hostname {@code hostname} when present) for its own
   * namespace, and one on 8080 for namespaces labelled env=prod.
   */
  private static Gateway gateway(Optional<String> hostname) {
    Listener own =
        new Listener(
            "http",
            hostname,
            80,
            ListenerProtocol.HTTP,
            Optional.empty(),
            AllowedRoutes.SAME_NAMESPACE);
    Listener prod =
        new Listener(
            "prod",
            Optional.empty(),
            8080,
            ListenerProtocol.HTTP,
            Optional.empty(),
            new AllowedRoutes(
                AllowedRoutes.From.SELECTOR,
                Optional.of(new LabelSelector(Map.of("env", "prod"), List.of())),
                List.of()));
    return new Gateway(
        ObjectMeta.of("Gateway", GatewayApi.V1, "apps", "eg"), "gatewire", List.of(own, prod));
  }

  private static Service service(String namespace, int index, int... ports) {
    List<ServicePort> servicePorts = new ArrayList<>();
    for (int port : ports) {
      servicePorts.add(new ServicePort("p" + port, port, "TCP", Optional.empty()));
    }
    return new Service(
        ObjectMeta.of("Service", "v1", namespace, "svc-" + index),
        "ClusterIP",
        Optional.of("10.96.0." + index),
        Optional.empty(),
        servicePorts);
  }

  private static EndpointSlice slice(Random random, String namespace, int index) {
    List<EndpointSlice.Endpoint> endpoints = new ArrayList<>();
    int count = random.nextInt(4);
    for (int e = 0; e < count; e++) {
      endpoints.add(
          new EndpointSlice.Endpoint(
              List.of("10." + index + ".0." + random.nextInt(6)),
              random.nextInt(4) == 0 ? Boolean.FALSE : null,
              Optional.empty(),
              Optional.empty()));
    }
    ObjectMeta meta =
        ObjectMeta.of("EndpointSlice", "discovery.k8s.io/v1", namespace, "svc-" + index + "-slice")
            .withLabels(Map.of(EndpointSlice.SERVICE_NAME_LABEL, "svc-" + index));
    return new EndpointSlice(
        meta,
        "svc-" + index,
        "IPv4",
        List.of(new EndpointSlice.Port("p80", OptionalInt.of(8080), "TCP")),
        endpoints);
  }

  private static HttpRoute route(Random random, int index) {
    String namespace = random.nextBoolean() ? "apps" : "team";
    Fixtures.HttpRouteBuilder route = Fixtures.httpRoute(namespace, "route-" + index);
    route.parent(
        new ParentRef(
            GatewayApi.GROUP,
            "Gateway",
            Optional.of("apps"),
            "eg",
            Optional.empty(),
            OptionalInt.empty()));
    if (random.nextInt(3) == 0) {
      route.parent(
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.of("ops"),
              "edge",
              Optional.empty(),
              OptionalInt.empty()));
    }
    int hostnames = random.nextInt(3);
    for (int h = 0; h < hostnames; h++) {
      route.hostnames(HOSTS.get(random.nextInt(HOSTS.size())));
    }
    if (random.nextInt(4) == 0) {
      route.annotations(Map.of("team", "t" + random.nextInt(3)));
    }
    int rules = 1 + random.nextInt(2);
    for (int r = 0; r < rules; r++) {
      List<HttpRouteMatch> matches = new ArrayList<>();
      int count = random.nextInt(3);
      for (int m = 0; m < count; m++) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        matches.add(random.nextBoolean() ? Fixtures.prefix(path) : Fixtures.exact(path));
      }
      int backends = 1 + random.nextInt(2);
      BackendRef[] refs = new BackendRef[backends];
      for (int b = 0; b < backends; b++) {
        String backendNamespace = random.nextInt(3) == 0 ? "shared" : namespace;
        refs[b] =
            Fixtures.backendIn(
                backendNamespace,
                "svc-" + random.nextInt(5),
                random.nextInt(5) == 0 ? 81 : 80,
                1 + random.nextInt(3));
      }
      route.rule(matches, refs);
    }
    return route.build();
  }

  private static void edit(Random random, Map<ObjectRef, KubernetesObject> objects) {
    int kind = random.nextInt(9);
    int index = random.nextInt(4);
    String namespace = random.nextBoolean() ? "apps" : "shared";
    switch (kind) {
      case 0, 1 -> {
        HttpRoute route = route(random, random.nextInt(10));
        objects
            .keySet()
            .removeIf(
                ref -> ref.name().equals(route.meta().name()) && ref.kind().equals("HTTPRoute"));
        objects.put(route.ref(), route);
      }
      case 2 ->
          objects
              .keySet()
              .removeIf(
                  ref ->
                      ref.kind().equals("HTTPRoute")
                          && ref.name().equals("route-" + random.nextInt(10)));
      case 3 ->
          objects.put(
              new ObjectRef("Service", namespace, "svc-" + index),
              random.nextBoolean()
                  ? service(namespace, index, 80)
                  : service(namespace, index, 80, 81));
      case 4, 5 -> {
        EndpointSlice slice = slice(random, namespace, index);
        objects.put(slice.ref(), slice);
      }
      case 6 -> {
        ReferenceGrant grant =
            Fixtures.grant(
                "shared", "HTTPRoute", random.nextBoolean() ? "apps" : "team", "", "Service");
        if (objects.remove(grant.ref()) == null) {
          objects.put(grant.ref(), grant);
        }
      }
      case 7 -> {
        KubernetesObject ns =
            Fixtures.namespace("team", random.nextBoolean() ? Map.of("env", "prod") : Map.of());
        objects.put(ns.ref(), ns);
      }
      default -> {
        Gateway gateway =
            gateway(
                random.nextBoolean()
                    ? Optional.empty()
                    : Optional.of(HOSTS.get(random.nextInt(HOSTS.size()))));
        objects.put(gateway.ref(), gateway);
      }
    }
  }
}
