package io.gatewire.adapters.xds.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicBytesTest {

  @Test
  void mapsFilledInAnyOrder_giveTheSameBytes() {
    List<String> keys =
        List.of(
            "kind", "name", "namespace", "groupVersion", "sectionName", "annotations", "labels");
    Metadata forward = metadata(keys);
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(reversed);
    Metadata backward = metadata(reversed);

    assertThat(DeterministicBytes.of(forward)).isEqualTo(DeterministicBytes.of(backward));
    assertThat(DeterministicBytes.byteString(forward))
        .isEqualTo(DeterministicBytes.byteString(backward));
  }

  @Test
  void bytesParseBackToAnEqualMessage() throws Exception {
    Metadata metadata = metadata(List.of("b", "a"));

    assertThat(Metadata.parseFrom(DeterministicBytes.of(metadata))).isEqualTo(metadata);
  }

  @Test
  void pack_isAnyPackWithDeterministicPayload() throws Exception {
    Any packed = TypedConfigs.pack(Router.getDefaultInstance());

    assertThat(packed).isEqualTo(Any.pack(Router.getDefaultInstance()));
    assertThat(packed.unpack(Router.class)).isEqualTo(Router.getDefaultInstance());
  }

  @Test
  void everyPayloadType_isInThePrintingRegistry() throws Exception {
    for (var type : TypedConfigs.PAYLOAD_TYPES) {
      assertThat(TypedConfigs.registry().find(type.getDescriptorForType().getFullName()))
          .isNotNull();
    }
  }

  private static Metadata metadata(List<String> keys) {
    Struct.Builder struct = Struct.newBuilder();
    keys.forEach(
        key -> struct.putFields(key, Value.newBuilder().setStringValue(key + "-value").build()));
    return Metadata.newBuilder()
        .putFilterMetadata(keys.get(0), struct.build())
        .putFilterMetadata(keys.get(keys.size() - 1), struct.build())
        .build();
  }
}
