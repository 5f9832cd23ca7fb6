package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class AliasingResponsesTest {
  private static final Any CLUSTER = Any.pack(Cluster.newBuilder().setName("cluster-1").build());

  @Test
  void aStateOfTheWorldResponse_parsesToTheSameMessage() {
    DiscoveryResponse response =
        DiscoveryResponse.newBuilder()
            .setVersionInfo("v1")
            .setNonce("7")
            .setTypeUrl(CLUSTER.getTypeUrl())
            .addResources(CLUSTER)
            .build();
    MethodDescriptor.Marshaller<DiscoveryResponse> marshaller =
        AliasingResponses.STATE_OF_THE_WORLD.getResponseMarshaller();

    assertThat(marshaller.parse(marshaller.stream(response))).isEqualTo(response);
  }

  @Test
  void aDeltaResponse_parsesToTheSameMessage() {
    DeltaDiscoveryResponse response =
        DeltaDiscoveryResponse.newBuilder()
            .setSystemVersionInfo("v1")
            .setNonce("3")
            .setTypeUrl(CLUSTER.getTypeUrl())
            .addResources(
                Resource.newBuilder().setName("cluster-1").setVersion("a").setResource(CLUSTER))
            .addRemovedResources("cluster-0")
            .build();
    MethodDescriptor.Marshaller<DeltaDiscoveryResponse> marshaller =
        AliasingResponses.DELTA.getResponseMarshaller();

    assertThat(marshaller.parse(marshaller.stream(response))).isEqualTo(response);
  }

  @Test
  void aResourceValue_isAViewOfTheMessageBytes_notACopy() throws Exception {
    byte[] bytes = DiscoveryResponse.newBuilder().addResources(CLUSTER).build().toByteArray();

    DiscoveryResponse parsed = AliasingResponses.parse(bytes, DiscoveryResponse.parser());
    int last = bytes.length - 1;
    byte before =
        parsed.getResources(0).getValue().byteAt(parsed.getResources(0).getValue().size() - 1);
    bytes[last] ^= 0x55;

    assertThat(
            parsed.getResources(0).getValue().byteAt(parsed.getResources(0).getValue().size() - 1))
        .isEqualTo((byte) (before ^ 0x55));
  }

  @Test
  void theRequestMarshaller_isTheGeneratedOne() {
    assertThat(
            AliasingResponses.STATE_OF_THE_WORLD
                .getRequestMarshaller()
                .parse(new ByteArrayInputStream(new byte[0])))
        .isNotNull();
    assertThat(AliasingResponses.DELTA.getFullMethodName())
        .isEqualTo(
            "envoy.service.discovery.v3.AggregatedDiscoveryService/DeltaAggregatedResources");
  }
}
