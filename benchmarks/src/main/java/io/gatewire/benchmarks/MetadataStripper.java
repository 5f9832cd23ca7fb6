package io.gatewire.benchmarks;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import java.util.List;
import java.util.Map;

/**
 * A resource as it would be without provenance: every {@code envoy.config.core.v3.Metadata} field
 * cleared, at any depth (Gatewire has no switch to turn metadata off; this is the "metadata off"
 * column of figure 6). {@code Any} payloads are not opened: Gatewire puts no metadata inside them.
 */
final class MetadataStripper {
  private static final String METADATA = Metadata.getDescriptor().getFullName();

  private MetadataStripper() {}

  static Message strip(Message message) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (descriptor.getMessageType().getFullName().equals(METADATA)) {
        builder.clearField(descriptor);
      } else if (descriptor.isRepeated()) {
        builder.clearField(descriptor);
        for (Object element : (List<?>) field.getValue()) {
          builder.addRepeatedField(descriptor, strip((Message) element));
        }
      } else {
        builder.setField(descriptor, strip((Message) field.getValue()));
      }
    }
    return builder.build();
  }
}
