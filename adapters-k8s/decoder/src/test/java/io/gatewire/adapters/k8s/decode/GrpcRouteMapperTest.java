package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRouteMatch.HeaderMatch;
import io.gatewire.domain.model.HttpRouteMatch.StringMatchType;
import io.gatewire.domain.port.SourceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrpcRouteMapperTest {
  private static final String SPEC =
      """
      spec:
        parentRefs: [{name: edge}]
        hostnames: [grpc.example.com]
        rules:
        - name: echo
          matches:
          - method: {type: RegularExpression, service: "echo\\\\..*", method: Say}
            headers: [{name: x-tenant, value: a}]
          filters:
          - {type: ResponseHeaderModifier, responseHeaderModifier: {add: [{name: x-by, value: gw}]}}
          - {type: ExtensionRef, extensionRef: {group: example.com, kind: Auth, name: a}}
          backendRefs: [{name: echo, port: 9000, weight: 2}]
      """;

  @Test
  void route_mapsMethodAndHeaderMatchesFiltersAndBackends() throws SourceException {
    GrpcRoute route =
        decodeOne(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
                + "metadata: {name: rpc, namespace: apps}\n"
                + SPEC,
            GrpcRoute.class);

    assertThat(route.hostnames()).containsExactly("grpc.example.com");
    assertThat(route.rules())
        .containsExactly(
            new GrpcRoute.Rule(
                Optional.of("echo"),
                List.of(
                    new GrpcRoute.Match(
                        Optional.of(
                            new GrpcRoute.MethodMatch(
                                StringMatchType.REGULAR_EXPRESSION,
                                Optional.of("echo\\..*"),
                                Optional.of("Say"))),
                        List.of(new HeaderMatch(StringMatchType.EXACT, "x-tenant", "a")))),
                List.of(
                    new HttpFilter.HeaderModifier(
                        false, List.of(), List.of(new HttpFilter.Header("x-by", "gw")), List.of()),
                    new HttpFilter.ExtensionRef("example.com", "Auth", "a")),
                List.of(new HttpBackendRef(BackendRef.service("echo", 9000, 2), List.of()))));
  }

  @Test
  void v1alpha2Route_decodesToTheSameRules() throws SourceException {
    GrpcRoute v1 =
        decodeOne(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
                + "metadata: {name: rpc}\n"
                + SPEC,
            GrpcRoute.class);
    GrpcRoute v1alpha2 =
        decodeOne(
            "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: GRPCRoute\n"
                + "metadata: {name: rpc}\n"
                + SPEC,
            GrpcRoute.class);

    assertThat(v1alpha2.rules()).isEqualTo(v1.rules());
  }

  @Test
  void methodMatchWithNeitherServiceNorMethod_isAnError() {
    SourceException error =
        decodeError(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
                + "metadata: {name: rpc}\nspec: {rules: [{matches: [{method: {type: Exact}}]}]}");

    assertThat(error.getMessage())
        .endsWith(
            "GRPCRoute default/rpc: spec.rules[0].matches[0].method: one or both of service and method must be set");
  }
}
