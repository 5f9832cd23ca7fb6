package io.gatewire.domain.translate;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.model.ServicePort;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The endpoints of a resolved backend. A Service's are the ready addresses of its EndpointSlices
 * (label {@code kubernetes.io/service-name}) on the slice port named like the Service port; with no
 * slice, its clusterIP and port; an ExternalName Service's, its DNS name. A ServiceImport's are
 * those of the slices labelled with its name ({@code multicluster.kubernetes.io/service-name}), or
 * its {@code spec.ips}. An Envoy Gateway Backend lists its IPs and DNS names itself. Sorted by
 * address and port, each once.
 */
final class BackendEndpoints {
  private BackendEndpoints() {}

  /** An address (IP or DNS name), a port and the Pod behind it, if the EndpointSlice names one. */
  record Endpoint(String address, int port, ObjectRef targetRef) implements Comparable<Endpoint> {
    @Override
    public int compareTo(Endpoint o) {
      int c = address.compareTo(o.address);
      return c != 0 ? c : Integer.compare(port, o.port);
    }
  }

  /**
   * The label that ties EndpointSlices to {@code source}'s backend (null for a Backend, which has
   * none).
   */
  static String sliceLabel(LocalityPlan.Source source) {
    if (source.backend() instanceof Service) {
      return EndpointSlice.SERVICE_NAME_LABEL;
    }
    return source.backend() instanceof ServiceImport ? EndpointSlice.MCS_SERVICE_NAME_LABEL : null;
  }

  /** The endpoints of {@code source}, given the slices labelled with its backend's name. */
  static List<Endpoint> of(LocalityPlan.Source source, List<EndpointSlice> slices) {
    OptionalInt port = source.port();
    if (source.backend() instanceof Service service) {
      return service(service, port.getAsInt(), slices);
    }
    if (source.backend() instanceof ServiceImport serviceImport) {
      return serviceImport(serviceImport, port.getAsInt(), slices);
    }
    return backend((Backend) source.backend());
  }

  /** An ExternalName Service's DNS name. */
  static Optional<String> externalName(Service service) {
    return "ExternalName".equals(service.type()) ? service.externalName() : Optional.empty();
  }

  private static List<Endpoint> service(Service service, int port, List<EndpointSlice> slices) {
    Optional<String> dns = externalName(service);
    if (dns.isPresent()) {
      return List.of(new Endpoint(dns.get(), port, null));
    }
    if (slices.isEmpty()) {
      return service
          .clusterIp()
          .filter(ip -> !ip.isEmpty() && !"None".equals(ip))
          .map(ip -> List.of(new Endpoint(ip, port, null)))
          .orElse(List.of());
    }
    return sliceEndpoints(slices, portName(service.ports(), port), port);
  }

  private static List<Endpoint> serviceImport(
      ServiceImport serviceImport, int port, List<EndpointSlice> slices) {
    if (slices.isEmpty()) {
      return serviceImport.ips().stream()
          .sorted()
          .distinct()
          .map(ip -> new Endpoint(ip, port, null))
          .toList();
    }
    return sliceEndpoints(slices, portName(serviceImport.ports(), port), port);
  }

  private static List<Endpoint> backend(Backend backend) {
    TreeSet<Endpoint> endpoints = new TreeSet<>();
    for (Backend.Endpoint e : backend.endpoints()) {
      if (e instanceof Backend.Ip ip) {
        endpoints.add(new Endpoint(ip.address(), ip.port(), null));
      } else if (e instanceof Backend.Fqdn fqdn) {
        endpoints.add(new Endpoint(fqdn.hostname(), fqdn.port(), null));
      }
    }
    return List.copyOf(endpoints);
  }

  private static String portName(List<ServicePort> ports, int port) {
    return ports.stream().filter(p -> p.port() == port).findFirst().orElseThrow().name();
  }

  /** Ready addresses of the slices, on the slice port whose name is the Service port's name. */
  private static List<Endpoint> sliceEndpoints(
      List<EndpointSlice> slices, String portName, int servicePort) {
    TreeSet<Endpoint> endpoints = new TreeSet<>();
    for (EndpointSlice slice : slices) {
      if ("FQDN".equals(slice.addressType())) {
        continue;
      }
      OptionalInt port =
          slice.ports().stream()
              .filter(p -> p.name().equals(portName))
              .findFirst()
              .map(EndpointSlice.Port::port)
              .orElse(OptionalInt.empty());
      if (port.isEmpty() && slice.ports().isEmpty()) {
        port = OptionalInt.of(servicePort);
      }
      if (port.isEmpty()) {
        continue;
      }
      for (EndpointSlice.Endpoint e : slice.endpoints()) {
        if (!e.isReady()) {
          continue;
        }
        for (String address : e.addresses()) {
          endpoints.add(new Endpoint(address, port.getAsInt(), e.targetRef().orElse(null)));
        }
      }
    }
    return List.copyOf(endpoints);
  }
}
