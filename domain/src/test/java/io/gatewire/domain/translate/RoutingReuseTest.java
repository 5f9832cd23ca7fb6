package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.backendIn;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.https;
import static io.gatewire.domain.fixtures.Fixtures.namespace;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.incremental.ResourceChanges;
import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.LabelSelector;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ParentRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Listener states, route attachments and route statuses are reused while what they read is the same
 * instance ({@link RoutingTranslator#LISTENERS}, {@link RoutingTranslator#ATTACHMENTS}, {@link
 * RoutingTranslator#ROUTE_STATUSES}), and made again when any of it changes: a route, a Namespace's
 * labels, a certificate Secret, a Gateway. After every step the long-lived translation equals a
 * fresh one. Inputs are handed over as the pipeline hands them ({@link ResourceChanges}: unchanged
 * objects and lists are the previous instances), so the reuse is exercised.
 */
class RoutingReuseTest {
  private static final ParentRef EG =
      new ParentRef(
          GatewayApi.GROUP,
          "Gateway",
          Optional.of("infra"),
          "eg",
          Optional.empty(),
          OptionalInt.empty());

  /** Routes from Namespaces labelled team=web on port 80; HTTPS for a.example.com on 443. */
  private static List<KubernetesObject> gatewayObjects() {
    Listener selective =
        new Listener(
            "web",
            Optional.empty(),
            80,
            ListenerProtocol.HTTP,
            Optional.empty(),
            new AllowedRoutes(
                AllowedRoutes.From.SELECTOR,
                Optional.of(new LabelSelector(Map.of("team", "web"), List.of())),
                List.of()));
    Listener secure = https("secure", 443, "a.example.com", "cert");
    Listener secureFromAll =
        new Listener(
            secure.name(),
            secure.hostname(),
            secure.port(),
            secure.protocol(),
            secure.tls(),
            new AllowedRoutes(AllowedRoutes.From.ALL, Optional.empty(), List.of()));
    return List.of(gatewayClass("gatewire"), gateway("infra", "eg", selective, secureFromAll));
  }

  private static KubernetesObject route(String namespace, String name, String path) {
    return httpRoute(namespace, name)
        .parent(EG)
        .hostnames("a.example.com")
        .rule(List.of(prefix(path)), backendIn(namespace, "svc", 80, 1))
        .build();
  }

  private static GatewayResources resources(
      String dbTeam, boolean secret, boolean gateway, String webPath) {
    List<KubernetesObject> all = new ArrayList<>();
    if (gateway) {
      all.addAll(gatewayObjects());
    }
    all.add(namespace("web", Map.of("team", "web")));
    all.add(namespace("db", Map.of("team", dbTeam)));
    all.add(service("web", "svc", "10.96.0.1", 80));
    all.add(service("db", "svc", "10.96.0.2", 80));
    all.add(route("web", "r1", webPath));
    all.add(route("db", "r2", "/db"));
    if (secret) {
      all.add(tlsSecret("infra", "cert"));
    }
    return GatewayResources.builder().addAll(all).build();
  }

  @Test
  void reusedListenersAndAttachments_giveWhatAFreshTranslationGives_afterEachKindOfChange() {
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    Memos memos = new Memos();
    List<GatewayResources> steps =
        List.of(
            resources("db", false, true, "/"),
            resources("db", false, true, "/v2"), // a route edited
            resources("web", false, true, "/v2"), // r2's Namespace now allowed on port 80
            resources("web", true, true, "/v2"), // the certificate appears: 443 is programmed
            resources("db", true, true, "/v2"),
            resources("db", true, false, "/v2"), // the Gateway deleted: both routes warned
            resources("db", true, true, "/v2"),
            resources("db", false, true, "/"));
    GatewayResources published = null;
    for (int i = 0; i < steps.size(); i++) {
      GatewayResources step = ResourceChanges.between(published, steps.get(i)).resources();
      TranslationResult incremental = translator.translate(step, memos);
      memos.endGeneration();
      published = step;

      assertThat(incremental)
          .as("step %d", i)
          .isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(steps.get(i)));
      boolean gatewayExists = i != 5;
      assertThat(memos.sizes())
          .as("step %d", i)
          .containsEntry(RoutingTranslator.LISTENERS, gatewayExists ? 1 : 0)
          .containsEntry(RoutingTranslator.ATTACHMENTS, 2)
          .containsEntry(RoutingTranslator.ROUTE_STATUSES, gatewayExists ? 2 : 0);
    }
  }
}
