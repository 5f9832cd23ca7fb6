package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SanAuthorizationTest {
  private static PeerIdentity peer(List<String> uris, List<String> dns) {
    return new PeerIdentity(true, uris, dns);
  }

  @Test
  void uriSan_exactlyNamespaceSlashName_orEndingInNsGateway_authorizesThatGatewayOnly() {
    assertThat(SanAuthorization.authorizes(peer(List.of("infra/eg"), List.of()), "infra/eg"))
        .isTrue();
    assertThat(
            SanAuthorization.authorizes(
                peer(List.of("spiffe://cluster.local/ns/infra/gateway/eg"), List.of()), "infra/eg"))
        .isTrue();
    assertThat(
            SanAuthorization.authorizes(
                peer(List.of("spiffe://cluster.local/ns/infra/gateway/eg"), List.of()),
                "infra/eg2"))
        .isFalse();
    assertThat(
            SanAuthorization.authorizes(
                peer(List.of("spiffe://cluster.local/ns/infra/gateway/eg"), List.of()), "other/eg"))
        .isFalse();
    assertThat(
            SanAuthorization.authorizes(
                peer(List.of("spiffe://cluster.local/ns/xinfra/gateway/eg"), List.of()),
                "infra/eg"))
        .isFalse();
    assertThat(
            SanAuthorization.authorizes(
                peer(List.of("spiffe://cluster.local/ns/infra/sa/eg"), List.of()), "infra/eg"))
        .isFalse();
  }

  @Test
  void dnsSan_nameDotNamespace_authorizesThatGateway_ignoringCase() {
    assertThat(SanAuthorization.authorizes(peer(List.of(), List.of("eg.infra")), "infra/eg"))
        .isTrue();
    assertThat(SanAuthorization.authorizes(peer(List.of(), List.of("EG.Infra")), "infra/eg"))
        .isTrue();
    assertThat(SanAuthorization.authorizes(peer(List.of(), List.of("my.eg.infra")), "infra/my.eg"))
        .isTrue();
    assertThat(SanAuthorization.authorizes(peer(List.of(), List.of("infra.eg")), "infra/eg"))
        .isFalse();
    assertThat(SanAuthorization.authorizes(peer(List.of(), List.of("eg.infra.svc")), "infra/eg"))
        .isFalse();
  }

  @Test
  void noGatewayKey_orNoVerifiedCertificate_isNeverAuthorized() {
    PeerIdentity star = peer(List.of("*"), List.of("*"));
    assertThat(SanAuthorization.authorizes(star, "*")).isFalse();
    assertThat(SanAuthorization.authorizes(peer(List.of("/"), List.of()), "/")).isFalse();
    assertThat(SanAuthorization.authorizes(peer(List.of("a/b/c"), List.of()), "a/b/c")).isFalse();
    assertThat(SanAuthorization.authorizes(PeerIdentity.UNAUTHENTICATED, "infra/eg")).isFalse();
    assertThat(
            SanAuthorization.authorizes(
                new PeerIdentity(false, List.of("infra/eg"), List.of()), "infra/eg"))
        .isFalse();
  }
}
