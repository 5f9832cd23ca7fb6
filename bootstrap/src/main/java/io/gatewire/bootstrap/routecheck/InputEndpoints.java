package io.gatewire.bootstrap.routecheck;

import io.gatewire.adapters.xds.routecheck.EndpointKnowledge;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Service;
import java.util.HashSet;
import java.util.Set;

/**
 * Which backends the input describes the endpoints of: a Service with an EndpointSlice or a cluster
 * IP, a ServiceImport with slices or IPs, and any other kind of backend (its address is in the
 * object itself). A Service with neither is a backend whose Pods the input does not show (the
 * conformance data has Deployments instead): route-check assumes it ready.
 */
public final class InputEndpoints implements EndpointKnowledge {
  private final Set<String> described = new HashSet<>();
  private final Set<String> known = new HashSet<>();

  public InputEndpoints(GatewayResources resources) {
    for (EndpointSlice slice : resources.endpointSlices()) {
      described.add(slice.meta().namespace() + "/" + slice.serviceName());
    }
    for (Service service : resources.services()) {
      String key = service.meta().namespace() + "/" + service.meta().name();
      known.add(key);
      if (service.clusterIp().filter(ip -> !ip.isEmpty() && !ip.equals("None")).isPresent()
          || service.externalName().isPresent()) {
        described.add(key);
      }
    }
  }

  @Override
  public boolean endpointsDescribed(String kind, String namespace, String name) {
    String key = namespace + "/" + name;
    return !kind.equals("Service") || !known.contains(key) || described.contains(key);
  }
}
