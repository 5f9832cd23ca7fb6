package io.gatewire.domain.translate;

import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a change of the input that touches only EndpointSlices, which can only change the
 * endpoints of the backends those slices belong to: everything else the translation reads (routes,
 * Gateways, Services, grants, proxy settings, ...) is equal.
 */
final class EndpointSliceChanges {
  private EndpointSliceChanges() {}

  /**
   * The {@code namespace/name} of every Service or ServiceImport whose slices differ between {@code
   * before} and {@code after} (a slice added, removed or changed, labelled for either); null when
   * anything but EndpointSlices differs.
   */
  static Set<String> backendsTouched(GatewayResources before, GatewayResources after) {
    if (!before.gatewayClasses().equals(after.gatewayClasses())
        || !before.gateways().equals(after.gateways())
        || !before.httpRoutes().equals(after.httpRoutes())
        || !before.grpcRoutes().equals(after.grpcRoutes())
        || !before.l4Routes().equals(after.l4Routes())
        || !before.referenceGrants().equals(after.referenceGrants())
        || !before.services().equals(after.services())
        || !before.serviceImports().equals(after.serviceImports())
        || !before.backends().equals(after.backends())
        || !before.namespaces().equals(after.namespaces())
        || !before.secrets().equals(after.secrets())
        || !before.proxySettings().equals(after.proxySettings())) {
      return null;
    }
    Set<String> touched = new HashSet<>();
    if (before.endpointSlices() == after.endpointSlices()) {
      return touched;
    }
    Map<ObjectRef, EndpointSlice> was = new HashMap<>();
    before.endpointSlices().forEach(slice -> was.put(slice.ref(), slice));
    if (was.size() != before.endpointSlices().size()) {
      return null; // a slice listed twice: leave it to the full translation
    }
    for (EndpointSlice slice : after.endpointSlices()) {
      EndpointSlice old = was.remove(slice.ref());
      if (old == null || !old.equals(slice)) {
        addBackends(slice, touched);
        if (old != null) {
          addBackends(old, touched);
        }
      }
    }
    was.values().forEach(removed -> addBackends(removed, touched));
    return touched;
  }

  private static void addBackends(EndpointSlice slice, Set<String> touched) {
    for (String label :
        new String[] {EndpointSlice.SERVICE_NAME_LABEL, EndpointSlice.MCS_SERVICE_NAME_LABEL}) {
      String name = slice.meta().labels().get(label);
      if (name != null) {
        touched.add(slice.meta().namespace() + "/" + name);
      }
    }
  }
}
