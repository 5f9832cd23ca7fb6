package io.gatewire.testkit.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoBackendsTest {
  private static final String MANIFESTS =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: apps}
      spec:
        ports:
        - {name: http, port: 80}
        - {name: admin, port: 9000}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: web-abc
        namespace: apps
        labels: {kubernetes.io/service-name: web}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.1]
      ports:
      - {name: http, port: 8080}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: other-abc
        namespace: apps
        labels: {kubernetes.io/service-name: other}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.2]
      ports:
      - {name: http, port: 8080}
      """;

  @Test
  void eachServiceGetsEchoServers_andSlicesPointingAtThem_inPlaceOfItsOwn() throws Exception {
    try (EchoBackends backends = EchoBackends.start(MANIFESTS, 2)) {
      String manifests = backends.manifests();

      assertThat(backends.servers("apps", "web")).hasSize(2);
      assertThat(manifests).doesNotContain("web-abc").doesNotContain("10.0.0.1");
      assertThat(manifests).contains("other-abc").contains("10.0.0.2");
      for (EchoServer server : backends.servers("apps", "web")) {
        assertThat(manifests).contains("name: \"" + server.identity().pod() + "\"");
        assertThat(manifests).contains("port: " + server.port());
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"pod\" : \"" + server.identity().pod() + "\"");
      }
    }
  }

  private static final String CLUSTER =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web-v1, namespace: apps}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web, version: v1}}
          spec:
            containers:
            - {name: echo, image: registry.k8s.io/gateway-api/echo-basic:v1.5.1}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: dns, namespace: apps}
      spec:
        selector: {matchLabels: {app: dns}}
        template:
          metadata: {labels: {app: dns}}
          spec:
            containers:
            - {name: dns, image: registry.k8s.io/coredns/coredns:v1.12.2}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: apps}
      spec:
        selector: {app: web}
        ports:
        - {name: http, port: 8080, targetPort: 3000}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web-v2, namespace: apps}
      spec:
        selector: {app: web, version: v2}
        ports:
        - {port: 8080}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: manual, namespace: apps}
      spec:
        ports:
        - {name: http, port: 8080, targetPort: 3000}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: manual-ip4
        namespace: apps
        labels: {kubernetes.io/service-name: manual}
      addressType: IPv4
      ports:
      - {name: http, port: 3000}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: manual-ip6
        namespace: apps
        labels: {kubernetes.io/service-name: manual}
      addressType: IPv6
      ports:
      - {name: http, port: 3000}
      """;

  @Test
  void startPods_runsEchoDeployments_andGivesEachSelectingServiceASlicePerPod() {
    try (EchoBackends cluster = EchoBackends.startPods(CLUSTER)) {
      List<EchoServer> pods = cluster.pods("apps", "web-v1");

      assertThat(pods).hasSize(2);
      assertThat(pods)
          .allSatisfy(
              pod -> assertThat(pod.identity().pod()).matches("web-v1-[0-9a-f]{10}-\\w{5}"));
      assertThat(cluster.pods("apps", "dns")).as("not an echo image").isEmpty();
      assertThat(cluster.servers("apps", "web")).containsExactlyElementsOf(pods);
      assertThat(cluster.servers("apps", "web-v2")).as("selects no Pod").isEmpty();
      String manifests = cluster.manifests();
      for (EchoServer pod : pods) {
        assertThat(manifests).contains("name: \"web-" + pod.identity().pod() + "\"");
        assertThat(manifests).contains("port: " + pod.port());
      }
      assertThat(manifests).as("manual slices stay").contains("manual-ip4").contains("manual-ip6");
    }
  }

  @Test
  void pointSlice_pointsAnIpv4SliceAtTheDeploymentsPods_andLeavesIpv6Empty() {
    try (EchoBackends cluster = EchoBackends.startPods(CLUSTER)) {
      String patched = cluster.manifests();
      patched = cluster.pointSlice(patched, "apps", "manual-ip4", "web-v1");
      patched = cluster.pointSlice(patched, "apps", "manual-ip6", "web-v1");

      List<EchoServer> pods = cluster.pods("apps", "web-v1");
      assertThat(patched)
          .contains("name: \"manual-ip4\"")
          .contains("name: \"manual-ip4-1\"")
          .contains("name: \"" + pods.get(1).identity().pod() + "\"");
      assertThat(patched.split("addressType: \"IPv6\"")[1]).contains("endpoints: []");
      assertThat(cluster.pod("apps", pods.get(0).identity().pod())).contains(pods.get(0));
    }
  }
}
