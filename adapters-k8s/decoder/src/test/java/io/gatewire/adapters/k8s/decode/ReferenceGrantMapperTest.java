package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.ReferenceGrant;
import io.gatewire.domain.port.SourceException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceGrantMapperTest {
  private static final String BODY =
      """
      metadata: {name: allow-apps, namespace: backends}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
        to: [{group: "", kind: Service}, {group: "", kind: Secret, name: cert}]
      """;

  private static ReferenceGrant grant(String version) throws SourceException {
    return decodeOne(
        "apiVersion: gateway.networking.k8s.io/" + version + "\nkind: ReferenceGrant\n" + BODY,
        ReferenceGrant.class);
  }

  @Test
  void v1Grant_mapsFromAndTo() throws SourceException {
    ReferenceGrant grant = grant("v1");

    assertThat(grant.from())
        .containsExactly(new ReferenceGrant.From("gateway.networking.k8s.io", "HTTPRoute", "apps"));
    assertThat(grant.to())
        .containsExactly(
            new ReferenceGrant.To("", "Service", Optional.empty()),
            new ReferenceGrant.To("", "Secret", Optional.of("cert")));
  }

  @Test
  void v1beta1ReferenceGrant_decodesToSameRecordAsV1() throws SourceException {
    ReferenceGrant v1 = grant("v1");
    ReferenceGrant v1beta1 = grant("v1beta1");

    assertThat(v1beta1.from()).isEqualTo(v1.from());
    assertThat(v1beta1.to()).isEqualTo(v1.to());
    assertThat(v1beta1.ref()).isEqualTo(v1.ref());
    assertThat(v1beta1.meta().groupVersion()).isEqualTo("gateway.networking.k8s.io/v1beta1");
  }

  @Test
  void v1alpha2ReferenceGrant_decodesToSameRecordAsV1() throws SourceException {
    assertThat(grant("v1alpha2").to()).isEqualTo(grant("v1").to());
  }

  @Test
  void fromWithoutNamespace_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: ReferenceGrant
        metadata: {name: g, namespace: backends}
        spec: {from: [{group: gateway.networking.k8s.io, kind: HTTPRoute}], to: [{group: "", kind: Service}]}
        """);

    assertThat(error.getMessage())
        .endsWith("ReferenceGrant backends/g: spec.from[0].namespace: required");
  }
}
