package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.https;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.tls;
import static io.gatewire.domain.fixtures.Fixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDeliveryTest {
  private static final String WHY = "the xDS server runs without mutual TLS";

  private static TranslationResult translate(SecretDelivery delivery, KubernetesObject... objects) {
    List<KubernetesObject> all = new ArrayList<>(List.of(gatewayClass("gatewire")));
    all.addAll(Arrays.asList(objects));
    return new Translator(TranslatorOptions.DEFAULTS.withSecrets(delivery))
        .translate(GatewayResources.builder().addAll(all).build());
  }

  private static KubernetesObject[] httpAndHttpsGateway() {
    return new KubernetesObject[] {
      tlsSecret("ns", "cert"),
      gateway(
          "ns",
          "gw",
          http("plain", 80),
          https("secure", 443, "a.com", "cert"),
          tls("l4", 8443, null, "cert"),
          tls("passthrough", 9443, "b.com", null)),
      service("ns", "svc", "10.0.0.1", 80),
      httpRoute("ns", "r")
          .parent("gw")
          .hostnames("a.com")
          .rule(List.of(prefix("/")), BackendRef.service("svc", 80, 1))
          .build()
    };
  }

  private static StatusBody.GatewayStatus gatewayStatus(TranslationResult r) {
    return (StatusBody.GatewayStatus)
        r.statuses().stream()
            .filter(s -> s.kind().equals("Gateway"))
            .findFirst()
            .orElseThrow()
            .status();
  }

  private static StatusBody.ListenerStatus listener(TranslationResult r, String name) {
    return gatewayStatus(r).listeners().stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }

  private static Condition condition(StatusBody.ListenerStatus listener, String type) {
    return condition(listener.conditions(), type);
  }

  @Test
  void withheldSecrets_listenersThatTerminateTls_areNotProgrammed_andSayWhy() {
    TranslationResult r = translate(SecretDelivery.withheld(WHY), httpAndHttpsGateway());

    for (String name : List.of("secure", "l4")) {
      Condition programmed = condition(listener(r, name), "Programmed");
      assertThat(programmed.status()).isEqualTo("False");
      assertThat(programmed.reason()).isEqualTo("Pending");
      assertThat(programmed.message()).contains("ns/cert", WHY);
      assertThat(condition(listener(r, name), "ResolvedRefs").status()).isEqualTo("True");
    }
    assertThat(condition(listener(r, "plain"), "Programmed").status()).isEqualTo("True");
    assertThat(condition(listener(r, "passthrough"), "Programmed").status()).isEqualTo("True");
    // a withheld listener is valid: the Gateway is accepted as it is, and programmed through the
    // others
    assertThat(condition(gatewayStatus(r).conditions(), "Accepted").reason()).isEqualTo("Accepted");
    assertThat(condition(gatewayStatus(r).conditions(), "Programmed").status()).isEqualTo("True");
  }

  @Test
  void withheldSecrets_aGatewayOfOnlyHttpsListeners_isAccepted_andPendingProgramming() {
    TranslationResult r =
        translate(
            SecretDelivery.withheld(WHY),
            tlsSecret("ns", "cert"),
            gateway("ns", "gw", https("secure", 443, "a.com", "cert")));

    assertThat(condition(gatewayStatus(r).conditions(), "Accepted").reason()).isEqualTo("Accepted");
    Condition programmed = condition(gatewayStatus(r).conditions(), "Programmed");
    assertThat(programmed.status()).isEqualTo("False");
    assertThat(programmed.reason()).isEqualTo("Pending");
    assertThat(r.ir().gateways().get(0).listeners()).isEmpty();
  }

  @Test
  void withheldSecrets_anInvalidListenerStillMakesTheGatewayListenersNotValid() {
    TranslationResult r =
        translate(
            SecretDelivery.withheld(WHY),
            tlsSecret("ns", "cert"),
            gateway(
                "ns",
                "gw",
                https("secure", 443, "a.com", "cert"),
                https("broken", 8443, "b.com", "missing")));

    assertThat(condition(gatewayStatus(r).conditions(), "Accepted").reason())
        .isEqualTo("ListenersNotValid");
    assertThat(condition(gatewayStatus(r).conditions(), "Programmed").reason())
        .isEqualTo("Invalid");
  }

  @Test
  void withheldSecrets_noSecretAndNoChainThatWouldWaitForOne_reachTheIr() {
    IrGateway gw =
        translate(SecretDelivery.withheld(WHY), httpAndHttpsGateway()).ir().gateways().get(0);

    assertThat(gw.secrets()).isEmpty();
    // 443 and 8443 are gone; the passthrough listener on 9443 has no route, so no Envoy listener
    // either
    assertThat(gw.listeners()).extracting(l -> l.port()).containsExactly(80);
    assertThat(gw.listeners())
        .allSatisfy(
            l -> {
              assertThat(l.tlsChains()).isEmpty();
              assertThat(l.proxyChains()).allSatisfy(c -> assertThat(c.secretNames()).isEmpty());
            });
  }

  @Test
  void servedSecrets_programEveryListener() {
    TranslationResult r = translate(SecretDelivery.SERVED, httpAndHttpsGateway());

    assertThat(r.ir().gateways().get(0).secrets())
        .extracting(s -> s.name())
        .containsExactly("ns/cert");
    for (String name : List.of("plain", "secure", "l4", "passthrough")) {
      assertThat(condition(listener(r, name), "Programmed").status()).isEqualTo("True");
    }
  }
}
