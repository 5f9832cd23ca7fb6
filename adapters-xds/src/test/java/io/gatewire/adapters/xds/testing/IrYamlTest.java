package io.gatewire.adapters.xds.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrYamlTest {

  @Test
  void richGateway_survivesARoundTrip() {
    IrGateway gateway = IrFixtures.rich();

    assertThat(IrYaml.read(IrYaml.write(gateway))).isEqualTo(new Ir(List.of(gateway)));
    assertThat(IrYaml.read(IrYaml.write(new Ir(List.of(gateway)))))
        .isEqualTo(new Ir(List.of(gateway)));
  }

  @Test
  void actions_areTaggedWithTheirType() {
    String yaml = IrYaml.write(IrFixtures.rich());

    assertThat(yaml).contains("type: Forward", "type: DirectResponse", "type: Redirect");
  }

  @Test
  void absentListsHeaderChangesAndMetadata_readAsEmpty_andAreNotWritten() {
    Ir ir =
        IrYaml.read(
            """
        gateways:
          - key: ns/gw
            routeConfigs:
              - name: rc
                virtualHosts:
                  - name: vh
                    domains: ["*"]
                    routes:
                      - name: r
                        match: {pathType: PREFIX, path: /}
                        action: {type: DirectResponse, status: 404}
        """);

    IrRoute route =
        ir.gateways().get(0).routeConfigs().get(0).virtualHosts().get(0).routes().get(0);
    assertThat(route.match().headers()).isEmpty();
    assertThat(route.requestHeaders()).isEqualTo(IrHeaderChanges.NONE);
    assertThat(route.metadata()).isEqualTo(ResourceMetadata.NONE);
    assertThat(route.action()).isEqualTo(new IrAction.DirectResponse(404));
    assertThat(ir.gateways().get(0).listeners()).isEmpty();
    assertThat(IrYaml.write(ir))
        .doesNotContain("metadata", "requestHeaders", "headers", "listeners", "empty");
  }

  @Test
  void unknownFields_areRejected() {
    assertThatThrownBy(() -> IrYaml.read("gateways: [{key: a, listners: []}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listners");
  }
}
