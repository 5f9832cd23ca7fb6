package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Backend;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.ReceivedRequest;
import io.gatewire.testkit.echo.EchoClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteCheckAgreementTest {
  private static final ServicePods PODS =
      ServicePods.of(
          """
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata:
            name: web-1
            namespace: apps
            labels: {kubernetes.io/service-name: web}
          endpoints:
          - addresses: [127.0.0.1]
            targetRef: {kind: Pod, namespace: apps, name: web-abc-1}
          ---
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata:
            name: api-1
            namespace: apps
            labels: {kubernetes.io/service-name: api}
          endpoints:
          - addresses: [127.0.0.1]
            targetRef: {kind: Pod, namespace: apps, name: api-abc-1}
          """);

  private static RouteOutcome predicted(Answer... answers) {
    return new RouteOutcome(
        "l", null, "vh", "r", "c", List.of(answers), List.of(), null, null, List.of());
  }

  private static Answer echoFrom(String service, double share, Map<String, List<String>> headers) {
    return new Answer(
        share,
        "c",
        new Backend("Service", "apps", service, "8080", false),
        200,
        null,
        new ReceivedRequest("GET", "shop.example.com", "/cart", headers),
        Map.of(),
        1);
  }

  private static EchoClient.Response echoed(
      String pod, String path, Map<String, List<String>> headers) {
    return new EchoClient.Response(
        200,
        null,
        "HTTP/1.1",
        Map.of(),
        "{}",
        Optional.of(
            new EchoClient.EchoedRequest(
                path, "shop.example.com", "GET", "HTTP/1.1", headers, "apps", pod)),
        List.of());
  }

  @Test
  void agrees_whenThePodThatAnsweredBacksOneOfThePredictedServices_andSawWhatWasPredicted() {
    RouteOutcome split =
        predicted(
            echoFrom("web", 0.5, Map.of("x-a", List.of("1"))),
            echoFrom("api", 0.5, Map.of("x-a", List.of("1"))));

    assertThat(
            RouteCheckAgreement.disagreement(
                split,
                echoed("api-abc-1", "/cart", Map.of("X-A", List.of("1"))),
                PODS,
                List.of(),
                List.of()))
        .isEmpty();
  }

  @Test
  void disagrees_onTheBackend_thePath_andAHeaderTheCaseMentions() {
    RouteOutcome web = predicted(echoFrom("web", 1, Map.of()));

    assertThat(
            RouteCheckAgreement.disagreement(
                web, echoed("api-abc-1", "/cart", Map.of()), PODS, List.of(), List.of()))
        .hasValueSatisfying(d -> assertThat(d).contains("backend apps/web:8080"));
    assertThat(
            RouteCheckAgreement.disagreement(
                web, echoed("web-abc-1", "/basket", Map.of()), PODS, List.of(), List.of()))
        .hasValueSatisfying(d -> assertThat(d).contains("path '/cart' (Envoy: '/basket')"));
    assertThat(
            RouteCheckAgreement.disagreement(
                web,
                echoed("web-abc-1", "/cart", Map.of("X-Removed", List.of("v"))),
                PODS,
                List.of("x-removed"),
                List.of()))
        .hasValueSatisfying(
            d -> assertThat(d).contains("request header x-removed absent (Envoy: 'v')"));
  }

  @Test
  void disagrees_onTheStatus_onALocation_andOnWhoAnswered() {
    Answer redirect = new Answer(1, null, null, 301, "https://a/x", null, Map.of(), 0);
    EchoClient.Response envoyRedirect =
        new EchoClient.Response(
            301,
            null,
            "HTTP/1.1",
            Map.of("location", List.of("https://a/y")),
            "",
            Optional.empty(),
            List.of());

    assertThat(
            RouteCheckAgreement.disagreement(
                predicted(redirect), envoyRedirect, PODS, List.of(), List.of()))
        .hasValueSatisfying(
            d -> assertThat(d).contains("Location 'https://a/x' (Envoy: 'https://a/y')"));
    assertThat(
            RouteCheckAgreement.disagreement(
                predicted(new Answer(1, null, null, 404, null, null, Map.of(), 0)),
                echoed("web-abc-1", "/cart", Map.of()),
                PODS,
                List.of(),
                List.of()))
        .hasValueSatisfying(d -> assertThat(d).contains("status 404"));
    assertThat(
            RouteCheckAgreement.disagreement(
                predicted(new Answer(1, null, null, 200, null, null, Map.of(), 0)),
                echoed("web-abc-1", "/cart", Map.of()),
                PODS,
                List.of(),
                List.of()))
        .hasValueSatisfying(d -> assertThat(d).contains("an answer of Envoy's own"));
  }
}
