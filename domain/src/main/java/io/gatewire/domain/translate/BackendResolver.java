package io.gatewire.domain.translate;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.model.ServicePort;
import io.gatewire.domain.status.Reasons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Resolves backendRefs to the Service, ServiceImport or Envoy Gateway Backend they name: the kind
 * must be one of those, a reference to another namespace needs a ReferenceGrant there, the object
 * must exist, and a Service or ServiceImport must have the port. A Backend must list an IP or FQDN
 * endpoint (FQDNs make its cluster resolve DNS, as an ExternalName Service's does). HTTP/2 comes
 * from the port's (or the Backend's) appProtocol. Which endpoints a backend has is {@link
 * BackendEndpoints}'s business.
 */
final class BackendResolver implements Backends {
  private final GatewayResources resources;
  private final ReferenceGrants grants;

  /** Many routes share a backend: each lookup is resolved once per translation. */
  private final Map<BackendLookup, ResolvedBackend> resolved = new HashMap<>();

  BackendResolver(GatewayResources resources, ReferenceGrants grants) {
    this.resources = resources;
    this.grants = grants;
  }

  /**
   * The object named {@code namespace/name} in {@code items}, which {@link GatewayResources} keeps
   * sorted by reference (one kind per list), or null: a binary search, so a lookup costs no index
   * of all Services when a single route is planned again.
   */
  private static <T extends KubernetesObject> T find(List<T> items, String namespace, String name) {
    int low = 0;
    int high = items.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      ObjectMeta meta = items.get(middle).meta();
      int order = meta.namespace().compareTo(namespace);
      if (order == 0) {
        order = meta.name().compareTo(name);
      }
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return items.get(middle);
      }
    }
    return null;
  }

  @Override
  public ResolvedBackend resolve(BackendLookup lookup) {
    ResolvedBackend result = resolved.get(lookup);
    if (result == null) {
      result = resolveOnce(lookup.ref(), lookup.routeKind(), lookup.routeNamespace());
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
      Backend backend = find(resources.backends(), key.namespace(), key.name());
      return backend == null ? notFound(ref, namespace) : backend(backend, ref);
    }
    if (ref.port().isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND, "backendRef " + describe(ref) + " has no port");
    }
    int port = ref.port().getAsInt();
    if (isService) {
      Service service = find(resources.services(), key.namespace(), key.name());
      return service == null ? notFound(ref, namespace) : service(service, port);
    }
    ServiceImport serviceImport = find(resources.serviceImports(), key.namespace(), key.name());
    return serviceImport == null ? notFound(ref, namespace) : serviceImport(serviceImport, port);
  }

  private static ResolvedBackend notFound(BackendRef ref, String namespace) {
    return new ResolvedBackend.Invalid(
        Reasons.BACKEND_NOT_FOUND,
        "backendRef " + groupKind(ref) + " " + namespace + "/" + ref.name() + " not found");
  }

  private static ResolvedBackend service(Service service, int port) {
    Optional<ServicePort> servicePort = service.port(port);
    if (servicePort.isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND,
          "Service " + service.ref().namespacedName() + " has no port " + port);
    }
    boolean dns = BackendEndpoints.externalName(service).isPresent();
    return new ResolvedBackend.Found(
        service, OptionalInt.of(port), dns, servicePort.get().appProtocol().stream().toList());
  }

  private static ResolvedBackend serviceImport(ServiceImport serviceImport, int port) {
    Optional<ServicePort> importPort =
        serviceImport.ports().stream().filter(p -> p.port() == port).findFirst();
    if (importPort.isEmpty()) {
      return new ResolvedBackend.Invalid(
          Reasons.BACKEND_NOT_FOUND,
          "ServiceImport " + serviceImport.ref().namespacedName() + " has no port " + port);
    }
    return new ResolvedBackend.Found(
        serviceImport,
        OptionalInt.of(port),
        false,
        importPort.get().appProtocol().stream().toList());
  }

  private static ResolvedBackend backend(Backend backend, BackendRef ref) {
    boolean reachable = false;
    boolean dns = false;
    for (Backend.Endpoint e : backend.endpoints()) {
      reachable |= e instanceof Backend.Ip || e instanceof Backend.Fqdn;
      dns |= e instanceof Backend.Fqdn;
    }
    if (!reachable) {
      return new ResolvedBackend.Invalid(
          Reasons.UNSUPPORTED_VALUE,
          "Backend "
              + backend.ref().namespacedName()
              + " has no IP or FQDN endpoint (Unix sockets are not supported)");
    }
    return new ResolvedBackend.Found(backend, ref.port(), dns, backend.appProtocols());
  }

  static String groupKind(BackendRef ref) {
    return ref.group().isEmpty() ? ref.kind() : ref.kind() + "." + ref.group();
  }

  private static String describe(BackendRef ref) {
    return groupKind(ref) + " " + ref.name();
  }
}
