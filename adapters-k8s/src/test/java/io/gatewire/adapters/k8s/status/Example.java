package io.gatewire.adapters.k8s.status;

/**
 * The example cluster of the status tests ({@code NS} stands for the test's namespace): our
 * GatewayClass and Gateway {@code eg} (an HTTP and a TCP listener), another controller's class and
 * Gateway {@code other-gw}, HTTPRoute {@code web} (same-namespace backend), HTTPRoute {@code cross}
 * (backend in {@code NS-b}, allowed by ReferenceGrant {@code allow}) and TCPRoute {@code db}
 * (v1alpha2).
 */
final class Example {
  static final String OURS = "gatewire.io/gateway-controller";
  static final String OTHER = "example.com/other";

  static final String YAML =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata:
        name: NS-class
      spec:
        controllerName: gatewire.io/gateway-controller
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata:
        name: NS-other
      spec:
        controllerName: example.com/other
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: eg
        namespace: NS
      spec:
        gatewayClassName: NS-class
        listeners:
        - name: http
          protocol: HTTP
          port: 8080
        - name: tcp
          protocol: TCP
          port: 9000
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: other-gw
        namespace: NS
      spec:
        gatewayClassName: NS-other
        listeners:
        - name: http
          protocol: HTTP
          port: 80
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
        namespace: NS
      spec:
        parentRefs:
        - name: eg
        hostnames:
        - web.example.com
        rules:
        - backendRefs:
          - name: svc
            port: 8080
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: cross
        namespace: NS
      spec:
        parentRefs:
        - name: eg
        hostnames:
        - cross.example.com
        rules:
        - backendRefs:
          - name: svc-b
            namespace: NS-b
            port: 8080
      ---
      apiVersion: gateway.networking.k8s.io/v1alpha2
      kind: TCPRoute
      metadata:
        name: db
        namespace: NS
      spec:
        parentRefs:
        - name: eg
          sectionName: tcp
        rules:
        - backendRefs:
          - name: svc
            port: 5432
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata:
        name: allow
        namespace: NS-b
      spec:
        from:
        - group: gateway.networking.k8s.io
          kind: HTTPRoute
          namespace: NS
        to:
        - group: ""
          kind: Service
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: svc
        namespace: NS
      spec:
        clusterIP: 10.96.0.10
        ports:
        - name: http
          port: 8080
        - name: pg
          port: 5432
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: svc-b
        namespace: NS-b
      spec:
        clusterIP: 10.96.0.11
        ports:
        - name: http
          port: 8080
      """;

  /** HTTPRoute {@code shared}: attached to another controller's Gateway and to ours. */
  static final String SHARED_ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: shared
        namespace: NS
      spec:
        parentRefs:
        - name: other-gw
        - name: eg
        hostnames:
        - shared.example.com
        rules:
        - backendRefs:
          - name: svc
            port: 8080
      """;

  private Example() {}

  static StatusTarget gatewayClass(String name) {
    return new StatusTarget("gateway.networking.k8s.io/v1", "GatewayClass", "", name);
  }

  static StatusTarget gateway(String namespace, String name) {
    return new StatusTarget("gateway.networking.k8s.io/v1", "Gateway", namespace, name);
  }

  static StatusTarget httpRoute(String namespace, String name) {
    return new StatusTarget("gateway.networking.k8s.io/v1", "HTTPRoute", namespace, name);
  }

  static StatusTarget tcpRoute(String namespace, String name) {
    return new StatusTarget("gateway.networking.k8s.io/v1alpha2", "TCPRoute", namespace, name);
  }
}
