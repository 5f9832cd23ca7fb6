package io.gatewire.benchmarks.ads;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/** Reads what an Envoy-like client needs from xDS resources without decoding more than that. */
final class ResourceNames {
  /** Field 1, length-delimited. */
  private static final int NAME_TAG = 1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

  private ResourceNames() {}

  /**
   * The name of a Listener, RouteConfiguration, Cluster or ClusterLoadAssignment: field 1 of each,
   * read without parsing the rest (a client of 1,000 streams would otherwise spend its time
   * decoding).
   */
  static String name(Any resource) {
    try {
      CodedInputStream in = resource.getValue().newCodedInput();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == NAME_TAG) {
          return in.readStringRequireUtf8();
        }
        in.skipField(tag);
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("not an xDS resource: " + resource.getTypeUrl(), e);
    }
  }

  /** The route configurations that a listener's HTTP connection managers load over RDS. */
  static Set<String> routeConfigs(ByteString listener) {
    Set<String> names = new TreeSet<>();
    try {
      Listener parsed = Listener.parseFrom(listener);
      for (FilterChain chain : parsed.getFilterChainsList()) {
        for (Filter filter : chain.getFiltersList()) {
          if (filter.hasTypedConfig() && filter.getTypedConfig().is(HttpConnectionManager.class)) {
            HttpConnectionManager manager =
                filter.getTypedConfig().unpack(HttpConnectionManager.class);
            if (manager.hasRds()) {
              names.add(manager.getRds().getRouteConfigName());
            }
          }
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException("not a Listener", e);
    }
    return names;
  }
}
