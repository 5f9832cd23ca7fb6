package io.gatewire.bootstrap.routecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a case becomes the request the harness would send. */
class CaseRequestsTest {
  private static final UUID FIXED = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private final GatewayResources resources =
      GatewayResources.builder()
          .add(
              new Gateway(
                  ObjectMeta.of("Gateway", "gateway.networking.k8s.io/v1", "infra", "gw"),
                  "gatewire",
                  List.of(
                      new Listener(
                          "web",
                          Optional.empty(),
                          8080,
                          ListenerProtocol.HTTP,
                          Optional.empty(),
                          null),
                      new Listener(
                          "secure",
                          Optional.empty(),
                          443,
                          ListenerProtocol.HTTPS,
                          Optional.empty(),
                          null))))
          .build();
  private final CaseRequests requests =
      new CaseRequests(resources, List.of("infra/gw"), () -> FIXED);

  private static CaseFile.Case kase(
      CaseFile.Target target, String path, boolean requestId, String expectedPath) {
    return new CaseFile.Case(
        "t",
        target,
        null,
        null,
        new CaseFile.Request(null, null, path, null, false, null),
        expectedPath == null
            ? null
            : new CaseFile.ExpectedRequest(null, null, expectedPath, null, null),
        null,
        null,
        null,
        null,
        null,
        null,
        requestId,
        null,
        null);
  }

  @Test
  void withoutGateway_theOnlyProgrammedOne_onItsFirstListener_hostIsTheAddressWithPort()
      throws Exception {
    CaseRequests.Prepared prepared =
        requests.prepare(new CaseFile(null, null, null, null, null), kase(null, null, false, null));

    assertThat(prepared.request().gateway()).isEqualTo("infra/gw");
    assertThat(prepared.request().port()).isEqualTo(8080);
    assertThat(prepared.request().scheme()).isEqualTo("http");
    assertThat(prepared.request().host()).isEqualTo(CaseRequests.GATEWAY_ADDRESS + ":8080");
    assertThat(prepared.request().path()).isEqualTo("/");
  }

  @Test
  void namedListener_givesPortAndScheme() throws Exception {
    CaseFile.Target target = new CaseFile.Target("infra", "gw", List.of("secure"), null, null);

    CaseRequests.Prepared prepared =
        requests.prepare(
            new CaseFile(null, target, null, null, null), kase(null, "/", false, null));

    assertThat(prepared.request().port()).isEqualTo(443);
    assertThat(prepared.request().scheme()).isEqualTo("https");
    assertThat(prepared.request().host()).isEqualTo(CaseRequests.GATEWAY_ADDRESS);
  }

  @Test
  void uuidPlaceholder_andRequestIdParam_reachRequestAndExpectedPath() throws Exception {
    CaseRequests.Prepared prepared =
        requests.prepare(
            new CaseFile(null, null, null, null, null),
            kase(null, "/retry?uuid={uuid}", true, "/retry?uuid={uuid}"));

    String id = "gateway-api-conformance-request-id=" + FIXED;
    assertThat(prepared.request().path()).isEqualTo("/retry?uuid=" + FIXED + "&" + id);
    assertThat(prepared.expectedPath()).isEqualTo(prepared.request().path());
  }

  @Test
  void noGatewayAndSeveralProgrammed_isAnError() {
    CaseRequests ambiguous =
        new CaseRequests(resources, List.of("infra/a", "infra/b"), () -> FIXED);

    assertThatThrownBy(
            () ->
                ambiguous.prepare(
                    new CaseFile(null, null, null, null, null), kase(null, "/", false, null)))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("2 Gateways are programmed");
  }
}
