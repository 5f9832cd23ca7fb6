package io.gatewire.benchmarks;

/**
 * Manifests for a Gateway with one HTTP listener and {@code routes} HTTPRoutes, each with one rule
 * of two matches and two backendRefs; {@code routes / 2} Services of 10 ready endpoints each (one
 * EndpointSlice per Service). Deterministic.
 */
final class RouteWorkload {
  private RouteWorkload() {}

  static String yaml(int routes) {
    int services = Math.max(1, routes / 2);
    StringBuilder b = new StringBuilder(routes * 700);
    b.append(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: gatewire
        spec:
          controllerName: gatewire.io/gateway-controller
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: eg
          namespace: apps
        spec:
          gatewayClassName: gatewire
          listeners:
          - name: http
            protocol: HTTP
            port: 80
        """);
    for (int i = 0; i < routes; i++) {
      b.append(
              "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: route-")
          .append(i)
          .append("\n  namespace: apps\nspec:\n  parentRefs:\n  - name: eg\n  hostnames:\n  - r")
          .append(i)
          .append(
              ".example.com\n  rules:\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /a")
          .append(i)
          .append("\n    - path:\n        type: Exact\n        value: /b")
          .append(i)
          .append("\n    backendRefs:\n    - name: svc-")
          .append(i % services)
          .append("\n      port: 80\n    - name: svc-")
          .append((i + 1) % services)
          .append("\n      port: 80\n");
    }
    for (int s = 0; s < services; s++) {
      b.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-")
          .append(s)
          .append(
              "\n  namespace: apps\nspec:\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n");
      b.append("---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: svc-")
          .append(s)
          .append("-abc\n  namespace: apps\n  labels:\n    kubernetes.io/service-name: svc-")
          .append(s)
          .append(
              "\naddressType: IPv4\nports:\n- name: http\n  port: 8080\n  protocol: TCP\nendpoints:\n");
      for (int e = 0; e < 10; e++) {
        b.append("- addresses: [\"10.")
            .append(s / 250 % 250)
            .append('.')
            .append(s % 250)
            .append('.')
            .append(e + 1)
            .append("\"]\n  conditions:\n    ready: true\n");
      }
    }
    return b.toString();
  }
}
