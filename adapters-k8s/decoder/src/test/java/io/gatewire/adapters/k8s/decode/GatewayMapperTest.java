package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.LabelSelector;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.port.SourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayMapperTest {

  @Test
  void gatewayClass_keepsItsControllerName() throws SourceException {
    GatewayClass gatewayClass =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec: {controllerName: gatewire.io/gateway-controller}
        """,
            GatewayClass.class);

    assertThat(gatewayClass.controllerName()).isEqualTo("gatewire.io/gateway-controller");
  }

  @Test
  void gateway_mapsListenersWithTlsAndAllowedRoutes() throws SourceException {
    Gateway gateway =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          gatewayClassName: gatewire
          listeners:
          - name: https
            hostname: "*.example.com"
            port: 443
            protocol: HTTPS
            tls:
              mode: Terminate
              certificateRefs: [{name: cert, namespace: certs}]
            allowedRoutes:
              namespaces:
                from: Selector
                selector:
                  matchLabels: {team: web}
                  matchExpressions: [{key: env, operator: In, values: [prod]}]
              kinds: [{group: gateway.networking.k8s.io, kind: HTTPRoute}]
          - name: tcp
            port: 5432
            protocol: TCP
            allowedRoutes: {namespaces: {from: All}}
          - name: odd
            port: 9000
            protocol: example.com/custom
        """,
            Gateway.class);

    assertThat(gateway.gatewayClassName()).isEqualTo("gatewire");
    assertThat(gateway.listeners())
        .containsExactly(
            new Listener(
                "https",
                Optional.of("*.example.com"),
                443,
                ListenerProtocol.HTTPS,
                Optional.of(
                    new ListenerTls(
                        "Terminate",
                        List.of(new ListenerTls.SecretRef("", "Secret", "certs", "cert")))),
                new AllowedRoutes(
                    AllowedRoutes.From.SELECTOR,
                    Optional.of(
                        new LabelSelector(
                            Map.of("team", "web"),
                            List.of(new LabelSelector.Requirement("env", "In", List.of("prod"))))),
                    List.of(
                        new AllowedRoutes.RouteGroupKind(
                            "gateway.networking.k8s.io", "HTTPRoute")))),
            new Listener(
                "tcp",
                Optional.empty(),
                5432,
                ListenerProtocol.TCP,
                Optional.empty(),
                new AllowedRoutes(AllowedRoutes.From.ALL, Optional.empty(), List.of())),
            new Listener(
                "odd",
                Optional.empty(),
                9000,
                ListenerProtocol.OTHER,
                Optional.empty(),
                AllowedRoutes.SAME_NAMESPACE));
  }

  @Test
  void gatewayWithoutClassName_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge}
        spec: {listeners: []}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/gatewayClassName");
    assertThat(error.getMessage())
        .endsWith("Gateway default/edge: spec.gatewayClassName: required");
  }

  @Test
  void gatewayClassNameThatIsAMapping_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge}
        spec: {gatewayClassName: {GATEWAY_CLASS_NAME}}
        """);

    assertThat(error.getMessage())
        .endsWith("spec.gatewayClassName: expected a string, found a mapping");
  }

  @Test
  void listenerWithoutPort_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge}
        spec: {gatewayClassName: gw, listeners: [{name: http, protocol: HTTP}]}
        """);

    assertThat(error.getMessage()).endsWith("spec.listeners[0].port: required");
  }

  @Test
  void unknownAllowedRoutesFrom_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge}
        spec: {gatewayClassName: gw, listeners: [{name: http, port: 80, protocol: HTTP,
               allowedRoutes: {namespaces: {from: Everywhere}}}]}
        """);

    assertThat(error.getMessage())
        .endsWith(
            "spec.listeners[0].allowedRoutes.namespaces.from: "
                + "unsupported value \"Everywhere\": expected one of All, Same, Selector");
  }
}
