package io.gatewire.adapters.xds.serve;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.server.serializer.CachedProtoResourcesSerializer;
import io.envoyproxy.controlplane.server.serializer.ProtoResourcesSerializer;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns resources into the {@link Any} values of xDS responses, each resource once
 * (java-control-plane's cache, by instance). A RouteConfiguration is not serialized whole: its
 * bytes are those of its other fields followed by those of each virtual host, kept per virtual host
 * instance and joined without copying ({@link ByteString#copyFrom(Iterable)} makes a rope). A
 * virtual host that did not change is the same instance from one publish to the next, so a route
 * edit serializes only its own virtual host instead of all of them (several MB at 10k hosts).
 *
 * <p>The bytes decode to the same message: protobuf readers take fields in any order and append the
 * elements of a repeated field in the order they come.
 */
final class RouteConfigurationSerializer implements ProtoResourcesSerializer {
  private static final String ROUTE_CONFIGURATION_TYPE_URL =
      "type.googleapis.com/" + RouteConfiguration.getDescriptor().getFullName();

  private final ProtoResourcesSerializer others = new CachedProtoResourcesSerializer();

  /** A route configuration's value, by instance (weak keys compare by identity). */
  private final Cache<RouteConfiguration, Any> routeConfigurations =
      CacheBuilder.newBuilder().weakKeys().build();

  /** A virtual host as a {@code virtual_hosts} field of RouteConfiguration, by instance. */
  private final Cache<VirtualHost, ByteString> virtualHosts =
      CacheBuilder.newBuilder().weakKeys().build();

  private final AtomicLong virtualHostsSerialized = new AtomicLong();

  /** How many virtual hosts were serialized so far: each instance once. */
  long virtualHostsSerialized() {
    return virtualHostsSerialized.get();
  }

  @Override
  public Any serialize(Message resource, Resources.ApiVersion apiVersion) {
    if (!(resource instanceof RouteConfiguration config)) {
      return others.serialize(resource, apiVersion);
    }
    try {
      return routeConfigurations.get(config, () -> pack(config));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Any pack(RouteConfiguration config) throws ExecutionException {
    List<ByteString> parts = new ArrayList<>(config.getVirtualHostsCount() + 1);
    parts.add(config.toBuilder().clearVirtualHosts().build().toByteString());
    for (VirtualHost host : config.getVirtualHostsList()) {
      parts.add(virtualHosts.get(host, () -> asField(host)));
    }
    return Any.newBuilder()
        .setTypeUrl(ROUTE_CONFIGURATION_TYPE_URL)
        .setValue(ByteString.copyFrom(parts))
        .build();
  }

  /** The tag, length and bytes of {@code host} as an element of {@code virtual_hosts}. */
  private ByteString asField(VirtualHost host) {
    virtualHostsSerialized.incrementAndGet();
    return RouteConfiguration.newBuilder().addVirtualHosts(host).build().toByteString();
  }
}
