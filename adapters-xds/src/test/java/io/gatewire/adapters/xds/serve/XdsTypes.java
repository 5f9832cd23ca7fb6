package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Value;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Type URLs and readers for what the xDS server sends, shared by the protocol tests. */
final class XdsTypes {
  static final String LDS = Resources.V3.LISTENER_TYPE_URL;
  static final String RDS = Resources.V3.ROUTE_TYPE_URL;
  static final String CDS = Resources.V3.CLUSTER_TYPE_URL;
  static final String EDS = Resources.V3.ENDPOINT_TYPE_URL;
  static final String SDS = Resources.V3.SECRET_TYPE_URL;

  private XdsTypes() {}

  static <T extends Message> List<T> unpack(DiscoveryResponse response, Class<T> type) {
    return response.getResourcesList().stream().map(any -> unpack(any, type)).toList();
  }

  static <T extends Message> List<T> unpack(DeltaDiscoveryResponse response, Class<T> type) {
    return response.getResourcesList().stream()
        .map(resource -> unpack(resource.getResource(), type))
        .toList();
  }

  /** Resource name to version, as a delta response carries them. */
  static Map<String, String> versions(DeltaDiscoveryResponse response) {
    Map<String, String> versions = new TreeMap<>();
    for (Resource resource : response.getResourcesList()) {
      versions.put(resource.getName(), resource.getVersion());
    }
    return versions;
  }

  static List<String> names(DeltaDiscoveryResponse response) {
    return List.copyOf(versions(response).keySet());
  }

  /** The {@code name} of the first origin in Gatewire's metadata entry. */
  static String originName(Metadata metadata) {
    Value resources =
        metadata
            .getFilterMetadataOrThrow(MetadataOptions.DEFAULT_NAMESPACE)
            .getFieldsOrThrow("resources");
    return resources
        .getListValue()
        .getValues(0)
        .getStructValue()
        .getFieldsOrThrow("name")
        .getStringValue();
  }

  private static <T extends Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a " + type.getSimpleName() + ": " + any.getTypeUrl(), e);
    }
  }
}
