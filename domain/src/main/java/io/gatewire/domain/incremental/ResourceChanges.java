package io.gatewire.domain.incremental;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.Namespace;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.model.ReferenceGrant;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed from one input to the next, as data: the objects added, removed or changed, and the
 * new input with every unchanged object (and every unchanged list of one kind) replaced by the
 * previous input's instance. Downstream, "is this the same object as last time" is then an identity
 * check, however the source produced the new input (a file read and decoded again gives new
 * instances of everything).
 *
 * @param resources the new input, sharing the previous one's instances where they are equal
 * @param changed the objects that were added, removed or changed, sorted
 */
public record ResourceChanges(GatewayResources resources, SortedSet<ObjectRef> changed) {
  public ResourceChanges {
    changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
  }

  /** Whether nothing changed: the new input equals the previous one. */
  public boolean none() {
    return changed.isEmpty();
  }

  /** From {@code before} (null: nothing yet, every object is new) to {@code after}. */
  public static ResourceChanges between(GatewayResources before, GatewayResources after) {
    if (before == null) {
      SortedSet<ObjectRef> all = new TreeSet<>();
      after.all().forEach(o -> all.add(o.ref()));
      return new ResourceChanges(after, all);
    }
    if (before == after) {
      return new ResourceChanges(after, new TreeSet<>());
    }
    SortedSet<ObjectRef> changed = new TreeSet<>();
    List<GatewayClass> gatewayClasses =
        share(before.gatewayClasses(), after.gatewayClasses(), changed);
    List<Gateway> gateways = share(before.gateways(), after.gateways(), changed);
    List<HttpRoute> httpRoutes = share(before.httpRoutes(), after.httpRoutes(), changed);
    List<GrpcRoute> grpcRoutes = share(before.grpcRoutes(), after.grpcRoutes(), changed);
    List<L4Route> l4Routes = share(before.l4Routes(), after.l4Routes(), changed);
    List<ReferenceGrant> grants = share(before.referenceGrants(), after.referenceGrants(), changed);
    List<Service> services = share(before.services(), after.services(), changed);
    List<EndpointSlice> slices = share(before.endpointSlices(), after.endpointSlices(), changed);
    List<ServiceImport> imports = share(before.serviceImports(), after.serviceImports(), changed);
    List<Backend> backends = share(before.backends(), after.backends(), changed);
    List<Namespace> namespaces = share(before.namespaces(), after.namespaces(), changed);
    List<Secret> secrets = share(before.secrets(), after.secrets(), changed);
    List<ProxySettings> proxySettings =
        share(before.proxySettings(), after.proxySettings(), changed);
    if (changed.isEmpty()) {
      return new ResourceChanges(before, changed);
    }
    return new ResourceChanges(
        new GatewayResources(
            gatewayClasses,
            gateways,
            httpRoutes,
            grpcRoutes,
            l4Routes,
            grants,
            services,
            slices,
            imports,
            backends,
            namespaces,
            secrets,
            proxySettings),
        changed);
  }

  /**
   * {@code after}'s objects, each equal one as {@code before}'s instance; {@code before} itself
   * when every object is. Both lists are sorted by reference, as {@link GatewayResources} keeps
   * them: the common case, the same objects in the same places, is checked pairwise, and the first
   * difference leads to one walk that pairs them up by reference.
   */
  private static <T extends KubernetesObject> List<T> share(
      List<T> before, List<T> after, SortedSet<ObjectRef> changed) {
    if (before == after) {
      return after;
    }
    int same = 0;
    int common = Math.min(before.size(), after.size());
    while (same < common && equal(before.get(same), after.get(same))) {
      same++;
    }
    if (same == before.size() && same == after.size()) {
      return before;
    }
    List<T> shared = new ArrayList<>(after.size());
    shared.addAll(before.subList(0, same));
    int i = same;
    for (T next : after.subList(same, after.size())) {
      while (i < before.size() && ObjectMeta.compareRefs(before.get(i).meta(), next.meta()) < 0) {
        changed.add(before.get(i++).ref());
      }
      T old =
          i < before.size() && ObjectMeta.compareRefs(before.get(i).meta(), next.meta()) == 0
              ? before.get(i++)
              : null;
      if (old != null && equal(old, next)) {
        shared.add(old);
      } else {
        shared.add(next);
        changed.add(next.ref());
      }
    }
    while (i < before.size()) {
      changed.add(before.get(i++).ref());
    }
    return List.copyOf(shared);
  }

  private static boolean equal(KubernetesObject a, KubernetesObject b) {
    return a == b || a.equals(b);
  }
}
