package io.gatewire.domain.translate;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.model.ServicePort;
import io.gatewire.domain.status.Reasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves backendRefs to endpoints. A Service's endpoints are the ready addresses of its
 * EndpointSlices on the slice port named like the Service port; with no slice in the input, its
 * clusterIP and port. A ServiceImport uses the slices labelled with its name, or its {@code
 * spec.ips}. An Envoy Gateway Backend lists IPs and DNS names itself.
 */
final class BackendResolver implements Backends {
  private final Map<ObjectRef, Service> services;
  private final Map<ObjectRef, ServiceImport> imports;
  private final Map<ObjectRef, Backend> backends;
  private final Map<String, List<EndpointSlice>> slicesByService;
  private final Map<String, List<EndpointSlice>> slicesByImport;
  private final ReferenceGrants grants;

  /** Many routes share a backend: each (ref, route kind, route namespace) is resolved once. */
  private final Map<Lookup, ResolvedBackend> resolved = new HashMap<>();

  private record Lookup(BackendRef ref, String routeKind, String routeNamespace) {}

  private final ServiceEndpointsMemo serviceMemo;

  /** With {@code serviceMemo} holding the previous translation's Service resolutions. */
  BackendResolver(
      GatewayResources resources, ReferenceGrants grants, ServiceEndpointsMemo serviceMemo) {
    this.serviceMemo = serviceMemo;
    this.services = index(resources.services());
    this.imports = index(resources.serviceImports());
    this.backends = index(resources.backends());
    this.slicesByService =
        resources.endpointSlices().stream()
            .filter(s -> s.meta().labels().containsKey(EndpointSlice.SERVICE_NAME_LABEL))
            .collect(
                Collectors.groupingBy(
                    s ->
                        s.meta().namespace()
                            + "/"
                            + s.meta().labels().get(EndpointSlice.SERVICE_NAME_LABEL)));
    this.slicesByImport =
        resources.endpointSlices().stream()
            .filter(s -> s.meta().labels().containsKey(EndpointSlice.MCS_SERVICE_NAME_LABEL))
            .collect(
                Collectors.groupingBy(
                    s ->
                        s.meta().namespace()
                            + "/"
                            + s.meta().labels().get(EndpointSlice.MCS_SERVICE_NAME_LABEL)));
    this.grants = grants;
  }

  private static <T extends io.gatewire.domain.model.KubernetesObject> Map<ObjectRef, T> index(
      List<T> items) {
    return items.stream()
        .collect(
            Collectors.toMap(
                i -> new ObjectRef("", i.meta().namespace(), i.meta().name()),
                Function.identity(),
                (a, b) -> b));
  }

  /** Resolves one backendRef of a route of kind {@code routeKind} in {@code routeNamespace}. */
  @Override
  public ResolvedBackend resolve(BackendRef ref, String routeKind, String routeNamespace) {
    Lookup lookup = new Lookup(ref, routeKind, routeNamespace);
    ResolvedBackend result = resolved.get(lookup);
    if (result == null) {
      result = resolveOnce(ref, routeKind, routeNamespace);
      resolved.put(lookup, result);
    }
    return result;
  }

  private ResolvedBackend resolveOnce(BackendRef ref, String routeKind, String routeNamespace) {
    String namespace = ref.namespaceOr(routeNamespace);
    ObjectRef key = new ObjectRef("", namespace, ref.name());
    boolean isService = ref.group().isEmpty() && ref.kind().equals("Service");
    boolean isImport =
        ref.group().equals(GatewayApi.MCS_GROUP) && ref.kind().equals("ServiceImport");
    boolean isBackend =
        ref.group().equals(GatewayApi.ENVOY_GATEWAY_GROUP) && ref.kind().equals("Backend");
    if (!isService && !isImport && !isBackend) {
      return new ResolvedBackend.Invalid(
          Reasons.INVALID_KIND,
          "backendRef " + describe(ref) + ": kind " + groupKind(ref) + " is not supported");
    }
    if (!namespace.equals(routeNamespace)
        && !grants.permits(
            GatewayApi.GROUP,
            routeKind,
            routeNamespace,
            ref.group(),
            ref.kind(),
            namespace,
            ref.name())) {
      return new ResolvedBackend.Invalid(
          Reasons.REF_NOT_PERMITTED,
          "backendRef "
              + describe(ref)
              + " in namespace "
              + namespace
              + " is not permitted by any ReferenceGrant");
    }
    if (isBackend) {
      Backend backend = backends.get(key);
      return backend == null ? notFound(ref, namespace) : backend(backend, ref);
    }
    if (ref.port().isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND, "backendRef " + describe(ref) + " has no port");
    }
    int port = ref.port().getAsInt();
    if (isService) {
      Service service = services.get(key);
      if (service == null) {
        return notFound(ref, namespace);
      }
      List<EndpointSlice> slices =
          slicesByService.getOrDefault(namespace + "/" + ref.name(), List.of());
      return serviceMemo.resolve(service, port, slices, () -> service(service, port, slices));
    }
    ServiceImport serviceImport = imports.get(key);
    return serviceImport == null
        ? notFound(ref, namespace)
        : serviceImport(serviceImport, port, ref);
  }

  private static ResolvedBackend notFound(BackendRef ref, String namespace) {
    return new ResolvedBackend.Invalid(
        Reasons.BACKEND_NOT_FOUND,
        "backendRef " + groupKind(ref) + " " + namespace + "/" + ref.name() + " not found");
  }

  private static ResolvedBackend service(Service service, int port, List<EndpointSlice> slices) {
    Optional<ServicePort> servicePort = service.port(port);
    if (servicePort.isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND,
          "Service " + service.ref().namespacedName() + " has no port " + port);
    }
    List<String> appProtocols = servicePort.get().appProtocol().stream().toList();
    if (service.externalName().isPresent() && "ExternalName".equals(service.type())) {
      List<ResolvedBackend.Endpoint> dns =
          List.of(new ResolvedBackend.Endpoint(service.externalName().get(), port, null));
      return new ResolvedBackend.Found(
          service.meta(), OptionalInt.of(port), dns, true, appProtocols);
    }
    List<ResolvedBackend.Endpoint> endpoints;
    if (slices.isEmpty()) {
      endpoints =
          service
              .clusterIp()
              .filter(ip -> !ip.isEmpty() && !"None".equals(ip))
              .map(ip -> List.of(new ResolvedBackend.Endpoint(ip, port, null)))
              .orElse(List.of());
    } else {
      endpoints = sliceEndpoints(slices, servicePort.get().name(), port);
    }
    return new ResolvedBackend.Found(
        service.meta(), OptionalInt.of(port), endpoints, false, appProtocols);
  }

  private ResolvedBackend serviceImport(ServiceImport serviceImport, int port, BackendRef ref) {
    Optional<ServicePort> importPort =
        serviceImport.ports().stream().filter(p -> p.port() == port).findFirst();
    if (importPort.isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND,
          "ServiceImport " + serviceImport.ref().namespacedName() + " has no port " + port);
    }
    List<String> appProtocols = importPort.get().appProtocol().stream().toList();
    List<EndpointSlice> slices =
        slicesByImport.getOrDefault(
            serviceImport.meta().namespace() + "/" + serviceImport.meta().name(), List.of());
    List<ResolvedBackend.Endpoint> endpoints;
    if (slices.isEmpty()) {
      endpoints =
          serviceImport.ips().stream()
              .sorted()
              .distinct()
              .map(ip -> new ResolvedBackend.Endpoint(ip, port, null))
              .toList();
    } else {
      endpoints = sliceEndpoints(slices, importPort.get().name(), port);
    }
    return new ResolvedBackend.Found(
        serviceImport.meta(), OptionalInt.of(port), endpoints, false, appProtocols);
  }

  private ResolvedBackend backend(Backend backend, BackendRef ref) {
    List<ResolvedBackend.Endpoint> endpoints = new ArrayList<>();
    boolean dns = false;
    for (Backend.Endpoint e : backend.endpoints()) {
      if (e instanceof Backend.Ip ip) {
        endpoints.add(new ResolvedBackend.Endpoint(ip.address(), ip.port(), null));
      } else if (e instanceof Backend.Fqdn fqdn) {
        endpoints.add(new ResolvedBackend.Endpoint(fqdn.hostname(), fqdn.port(), null));
        dns = true;
      }
    }
    if (endpoints.isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.UNSUPPORTED_VALUE,
          "Backend "
              + backend.ref().namespacedName()
              + " has no IP or FQDN endpoint (Unix sockets are not supported)");
    }
    List<ResolvedBackend.Endpoint> sorted = new ArrayList<>(new TreeSet<>(endpoints));
    return new ResolvedBackend.Found(
        backend.meta(), ref.port(), sorted, dns, backend.appProtocols());
  }

  /** Ready addresses of the slices, on the slice port whose name is the Service port's name. */
  private static List<ResolvedBackend.Endpoint> sliceEndpoints(
      List<EndpointSlice> slices, String portName, int servicePort) {
    TreeSet<ResolvedBackend.Endpoint> endpoints = new TreeSet<>();
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
          endpoints.add(
              new ResolvedBackend.Endpoint(address, port.getAsInt(), e.targetRef().orElse(null)));
        }
      }
    }
    return List.copyOf(endpoints);
  }

  static String groupKind(BackendRef ref) {
    return ref.group().isEmpty() ? ref.kind() : ref.kind() + "." + ref.group();
  }

  private static String describe(BackendRef ref) {
    return groupKind(ref) + " " + ref.name();
  }
}
