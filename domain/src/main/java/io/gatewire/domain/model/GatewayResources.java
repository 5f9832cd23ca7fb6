package io.gatewire.domain.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * Everything one translation sees, as an immutable value. The lists are kept sorted by object
 * reference so that any order of input documents gives the same value.
 */
public record GatewayResources(
    List<GatewayClass> gatewayClasses,
    List<Gateway> gateways,
    List<HttpRoute> httpRoutes,
    List<GrpcRoute> grpcRoutes,
    List<L4Route> l4Routes,
    List<ReferenceGrant> referenceGrants,
    List<Service> services,
    List<EndpointSlice> endpointSlices,
    List<ServiceImport> serviceImports,
    List<Backend> backends,
    List<Namespace> namespaces,
    List<Secret> secrets,
    List<ProxySettings> proxySettings) {

  public static final GatewayResources EMPTY = builder().build();

  public GatewayResources {
    gatewayClasses = sorted(gatewayClasses);
    gateways = sorted(gateways);
    httpRoutes = sorted(httpRoutes);
    grpcRoutes = sorted(grpcRoutes);
    l4Routes = sorted(l4Routes);
    referenceGrants = sorted(referenceGrants);
    services = sorted(services);
    endpointSlices = sorted(endpointSlices);
    serviceImports = sorted(serviceImports);
    backends = sorted(backends);
    namespaces = sorted(namespaces);
    secrets = sorted(secrets);
    proxySettings = proxySettings == null ? List.of() : sorted(proxySettings);
  }

  /** Sorted by reference; a list this record sorted before is kept as it is. */
  private static <T extends KubernetesObject> List<T> sorted(List<T> items) {
    if (items instanceof SortedByRef<T>) {
      return items;
    }
    for (int i = 1; i < items.size(); i++) {
      if (ObjectMeta.compareRefs(items.get(i - 1).meta(), items.get(i).meta()) > 0) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(KubernetesObject::ref));
        return new SortedByRef<>(List.copyOf(copy));
      }
    }
    return new SortedByRef<>(List.copyOf(items));
  }

  /**
   * An unmodifiable list this record sorted, so that resources made from another's lists (as the
   * next input sharing the previous one's unchanged objects) are not checked again.
   */
  private static final class SortedByRef<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;

    SortedByRef(List<T> items) {
      this.items = items;
    }

    @Override
    public T get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** These resources with {@code slices} as their EndpointSlices. */
  public GatewayResources withEndpointSlices(List<EndpointSlice> slices) {
    return new GatewayResources(
        gatewayClasses,
        gateways,
        httpRoutes,
        grpcRoutes,
        l4Routes,
        referenceGrants,
        services,
        slices,
        serviceImports,
        backends,
        namespaces,
        secrets,
        proxySettings);
  }

  /** Every object, in a stable order. */
  public List<KubernetesObject> all() {
    List<KubernetesObject> all = new ArrayList<>();
    all.addAll(gatewayClasses);
    all.addAll(gateways);
    all.addAll(httpRoutes);
    all.addAll(grpcRoutes);
    all.addAll(l4Routes);
    all.addAll(referenceGrants);
    all.addAll(services);
    all.addAll(endpointSlices);
    all.addAll(serviceImports);
    all.addAll(backends);
    all.addAll(namespaces);
    all.addAll(secrets);
    all.addAll(proxySettings);
    return all;
  }

  /** Collects objects of any kind; later objects with the same reference replace earlier ones. */
  public static final class Builder {
    private final java.util.Map<ObjectRef, KubernetesObject> objects =
        new java.util.LinkedHashMap<>();

    public Builder add(KubernetesObject object) {
      objects.put(object.ref(), object);
      return this;
    }

    public Builder addAll(Iterable<? extends KubernetesObject> items) {
      items.forEach(this::add);
      return this;
    }

    public GatewayResources build() {
      List<GatewayClass> classes = new ArrayList<>();
      List<Gateway> gateways = new ArrayList<>();
      List<HttpRoute> http = new ArrayList<>();
      List<GrpcRoute> grpc = new ArrayList<>();
      List<L4Route> l4 = new ArrayList<>();
      List<ReferenceGrant> grants = new ArrayList<>();
      List<Service> services = new ArrayList<>();
      List<EndpointSlice> slices = new ArrayList<>();
      List<ServiceImport> imports = new ArrayList<>();
      List<Backend> backends = new ArrayList<>();
      List<Namespace> namespaces = new ArrayList<>();
      List<Secret> secrets = new ArrayList<>();
      List<ProxySettings> proxySettings = new ArrayList<>();
      for (KubernetesObject o : objects.values()) {
        if (o instanceof GatewayClass c) {
          classes.add(c);
        } else if (o instanceof Gateway g) {
          gateways.add(g);
        } else if (o instanceof HttpRoute r) {
          http.add(r);
        } else if (o instanceof GrpcRoute r) {
          grpc.add(r);
        } else if (o instanceof L4Route r) {
          l4.add(r);
        } else if (o instanceof ReferenceGrant g) {
          grants.add(g);
        } else if (o instanceof Service s) {
          services.add(s);
        } else if (o instanceof EndpointSlice s) {
          slices.add(s);
        } else if (o instanceof ServiceImport s) {
          imports.add(s);
        } else if (o instanceof Backend b) {
          backends.add(b);
        } else if (o instanceof Namespace n) {
          namespaces.add(n);
        } else if (o instanceof Secret s) {
          secrets.add(s);
        } else if (o instanceof ProxySettings p) {
          proxySettings.add(p);
        }
      }
      return new GatewayResources(
          classes,
          gateways,
          http,
          grpc,
          l4,
          grants,
          services,
          slices,
          imports,
          backends,
          namespaces,
          secrets,
          proxySettings);
    }
  }
}
