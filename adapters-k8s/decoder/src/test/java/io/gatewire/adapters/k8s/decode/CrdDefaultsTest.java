package io.gatewire.adapters.k8s.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.port.SourceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD defaults the decoder applies, one row per default: neither files nor test API servers
 * apply them.
 */
class CrdDefaultsTest {
  private static final String ROUTE =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
          + "metadata: {name: web, namespace: apps}\n";
  private static final String GATEWAY =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
          + "metadata: {name: edge, namespace: infra}\n";
  private static final String GRPC_ROUTE =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
          + "metadata: {name: rpc, namespace: apps}\n";

  static Stream<Arguments> defaults() {
    return Stream.of(
        row(
            "parentRef group",
            ROUTE + "spec: {parentRefs: [{name: edge}]}",
            o -> http(o).parentRefs().get(0).group(),
            GatewayApi.GROUP),
        row(
            "parentRef kind",
            ROUTE + "spec: {parentRefs: [{name: edge}]}",
            o -> http(o).parentRefs().get(0).kind(),
            "Gateway"),
        row(
            "backendRef group",
            ROUTE + "spec: {rules: [{backendRefs: [{name: web, port: 80}]}]}",
            o -> firstRule(o).backendRefs().get(0).ref().group(),
            ""),
        row(
            "backendRef kind",
            ROUTE + "spec: {rules: [{backendRefs: [{name: web, port: 80}]}]}",
            o -> firstRule(o).backendRefs().get(0).ref().kind(),
            "Service"),
        row(
            "backendRef weight",
            ROUTE + "spec: {rules: [{backendRefs: [{name: web, port: 80}]}]}",
            o -> firstRule(o).backendRefs().get(0).ref().weight(),
            1),
        row(
            "route without rules gets one rule matching PathPrefix /",
            ROUTE + "spec: {}",
            o -> http(o).rules(),
            List.of(
                new HttpRouteRule(
                    Optional.empty(),
                    List.of(HttpRouteMatch.DEFAULT),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty()))),
        row(
            "rule without matches gets PathPrefix /",
            ROUTE + "spec: {rules: [{backendRefs: []}]}",
            o -> firstRule(o).matches(),
            List.of(HttpRouteMatch.DEFAULT)),
        row(
            "path match type",
            ROUTE + "spec: {rules: [{matches: [{path: {value: /api}}]}]}",
            o -> firstRule(o).matches().get(0).path(),
            new HttpRouteMatch.PathMatch(HttpRouteMatch.PathMatchType.PATH_PREFIX, "/api")),
        row(
            "path match value",
            ROUTE + "spec: {rules: [{matches: [{path: {type: Exact}}]}]}",
            o -> firstRule(o).matches().get(0).path(),
            new HttpRouteMatch.PathMatch(HttpRouteMatch.PathMatchType.EXACT, "/")),
        row(
            "match without path",
            ROUTE + "spec: {rules: [{matches: [{method: GET}]}]}",
            o -> firstRule(o).matches().get(0).path(),
            HttpRouteMatch.PathMatch.ROOT),
        row(
            "header match type",
            ROUTE + "spec: {rules: [{matches: [{headers: [{name: v, value: '1'}]}]}]}",
            o -> firstRule(o).matches().get(0).headers().get(0).type(),
            HttpRouteMatch.StringMatchType.EXACT),
        row(
            "query param match type",
            ROUTE + "spec: {rules: [{matches: [{queryParams: [{name: v, value: '1'}]}]}]}",
            o -> firstRule(o).matches().get(0).queryParams().get(0).type(),
            HttpRouteMatch.StringMatchType.EXACT),
        row(
            "redirect status code",
            ROUTE + "spec: {rules: [{filters: [{type: RequestRedirect, requestRedirect: {}}]}]}",
            o -> ((HttpFilter.RequestRedirect) firstRule(o).filters().get(0)).statusCode(),
            302),
        row(
            "mirror fraction denominator",
            ROUTE
                + "spec: {rules: [{filters: [{type: RequestMirror, "
                + "requestMirror: {backendRef: {name: copy, port: 80}, fraction: {numerator: 25}}}]}]}",
            o -> ((HttpFilter.RequestMirror) firstRule(o).filters().get(0)).percent(),
            Optional.of(25.0)),
        row(
            "mirror backendRef kind and weight",
            ROUTE
                + "spec: {rules: [{filters: [{type: RequestMirror, "
                + "requestMirror: {backendRef: {name: copy, port: 80}}}]}]}",
            o ->
                ((HttpFilter.RequestMirror) firstRule(o).filters().get(0)).backend().kind()
                    + "/"
                    + ((HttpFilter.RequestMirror) firstRule(o).filters().get(0)).backend().weight(),
            "Service/1"),
        row(
            "gRPC method match type",
            GRPC_ROUTE + "spec: {rules: [{matches: [{method: {service: echo.Echo}}]}]}",
            o -> ((GrpcRoute) o).rules().get(0).matches().get(0).method().orElseThrow().type(),
            HttpRouteMatch.StringMatchType.EXACT),
        row(
            "gRPC header match type",
            GRPC_ROUTE + "spec: {rules: [{matches: [{headers: [{name: v, value: '1'}]}]}]}",
            o -> ((GrpcRoute) o).rules().get(0).matches().get(0).headers().get(0).type(),
            HttpRouteMatch.StringMatchType.EXACT),
        row(
            "gRPC rule without matches keeps none",
            GRPC_ROUTE + "spec: {rules: [{backendRefs: [{name: rpc, port: 9000}]}]}",
            o -> ((GrpcRoute) o).rules().get(0).matches(),
            List.of()),
        row(
            "listener allowedRoutes",
            GATEWAY
                + "spec: {gatewayClassName: gw, listeners: [{name: http, port: 80, protocol: HTTP}]}",
            o -> ((Gateway) o).listeners().get(0).allowedRoutes(),
            AllowedRoutes.SAME_NAMESPACE),
        row(
            "allowedRoutes namespaces from",
            GATEWAY
                + "spec: {gatewayClassName: gw, listeners: [{name: http, port: 80, "
                + "protocol: HTTP, allowedRoutes: {namespaces: {}}}]}",
            o -> ((Gateway) o).listeners().get(0).allowedRoutes().from(),
            AllowedRoutes.From.SAME),
        row(
            "allowedRoutes kind group",
            GATEWAY
                + "spec: {gatewayClassName: gw, listeners: [{name: http, port: 80, "
                + "protocol: HTTP, allowedRoutes: {kinds: [{kind: HTTPRoute}]}}]}",
            o -> ((Gateway) o).listeners().get(0).allowedRoutes().kinds(),
            List.of(new AllowedRoutes.RouteGroupKind(GatewayApi.GROUP, "HTTPRoute"))),
        row(
            "listener TLS mode",
            GATEWAY
                + "spec: {gatewayClassName: gw, listeners: [{name: https, port: 443, "
                + "protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}]}",
            o -> ((Gateway) o).listeners().get(0).tls().orElseThrow().mode(),
            "Terminate"),
        row(
            "certificateRef group, kind and namespace",
            GATEWAY
                + "spec: {gatewayClassName: gw, listeners: [{name: https, "
                + "port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}]}",
            o -> ((Gateway) o).listeners().get(0).tls().orElseThrow().certificateRefs(),
            List.of(new ListenerTls.SecretRef("", "Secret", "infra", "cert"))),
        row(
            "TCPRoute backendRef weight",
            "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\n"
                + "metadata: {name: db}\nspec: {rules: [{backendRefs: [{name: db, port: 5432}]}]}",
            o -> ((L4Route) o).rules().get(0).backendRefs().get(0).weight(),
            1),
        row(
            "Service type",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}",
            o -> ((Service) o).type(),
            "ClusterIP"),
        row(
            "Service port protocol",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}",
            o -> ((Service) o).ports().get(0).protocol(),
            "TCP"),
        row(
            "EndpointSlice port protocol",
            "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n"
                + "metadata: {name: web-1}\naddressType: IPv4\nports: [{port: 8080}]",
            o -> ((EndpointSlice) o).ports().get(0).protocol(),
            "TCP"),
        row(
            "Secret type",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}",
            o -> ((Secret) o).type(),
            "Opaque"),
        row(
            "namespace of a namespaced object",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}",
            o -> o.meta().namespace(),
            "default"),
        row(
            "generation",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}",
            o -> o.meta().generation(),
            1L),
        row(
            "creationTimestamp",
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}",
            o -> o.meta().creationTimestamp(),
            Instant.EPOCH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void absentField_getsItsCrdDefault(
      String field, String yaml, Function<KubernetesObject, Object> read, Object expected)
      throws SourceException {
    KubernetesObject object = Decoding.decodeOne(yaml, KubernetesObject.class);

    assertThat(read.apply(object)).isEqualTo(expected);
  }

  private static Arguments row(
      String field, String yaml, Function<KubernetesObject, Object> read, Object expected) {
    return arguments(field, yaml, read, expected);
  }

  private static HttpRoute http(KubernetesObject object) {
    return (HttpRoute) object;
  }

  private static HttpRouteRule firstRule(KubernetesObject object) {
    return http(object).rules().get(0);
  }
}
