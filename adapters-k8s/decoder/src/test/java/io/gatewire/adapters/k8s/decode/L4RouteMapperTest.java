package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.port.SourceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class L4RouteMapperTest {
  private static final String SPEC =
      """
      spec:
        parentRefs: [{name: edge}]
        hostnames: [db.example.com]
        rules:
        - name: primary
          backendRefs: [{name: db, port: 5432, weight: 4}]
      """;

  private static L4Route route(String apiVersion, String kind) throws SourceException {
    return decodeOne(
        "apiVersion: gateway.networking.k8s.io/"
            + apiVersion
            + "\nkind: "
            + kind
            + "\nmetadata: {name: r, namespace: apps}\n"
            + SPEC,
        L4Route.class);
  }

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
    "v1, TLSRoute",
    "v1alpha3, TLSRoute",
    "v1alpha2, TLSRoute",
    "v1, TCPRoute",
    "v1alpha2, TCPRoute",
    "v1, UDPRoute",
    "v1alpha2, UDPRoute"
  })
  void everyServedVersion_decodesToAnL4RouteOfItsKind(String version, String kind)
      throws SourceException {
    L4Route route = route(version, kind);

    assertThat(route.meta().kind()).isEqualTo(kind);
    assertThat(route.parentRefs()).containsExactly(ParentRef.gateway("edge"));
    assertThat(route.rules())
        .containsExactly(
            new L4Route.Rule(Optional.of("primary"), List.of(BackendRef.service("db", 5432, 4))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"TCPRoute", "UDPRoute"})
  void routeKindsWithoutHostnames_haveNone(String kind) throws SourceException {
    assertThat(route("v1", kind).hostnames()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"v1", "v1alpha3", "v1alpha2"})
  void tlsRoute_keepsItsSniHostnames(String version) throws SourceException {
    assertThat(route(version, "TLSRoute").hostnames()).containsExactly("db.example.com");
  }
}
