package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backends a trace names (Service, ServiceImport, Envoy Gateway Backend), each followed by its
 * EndpointSlices with their endpoints and readiness.
 */
final class BackendItems {
  private final InputObjects objects;

  BackendItems(InputObjects objects) {
    this.objects = objects;
  }

  void add(Trace trace, List<Explanation.Item> items) {
    Set<ObjectRef> done = new LinkedHashSet<>();
    for (BackendClue clue : trace.backends) {
      Optional<KubernetesObject> backend = objects.backend(clue);
      if (backend.isEmpty()) {
        trace.unresolved.add(
            clue.kind() + " " + clue.namespace() + "/" + clue.name() + " is not in the input");
        continue;
      }
      if (!done.add(backend.get().ref())) {
        continue;
      }
      List<String> details = new ArrayList<>();
      List<EndpointSlice> slices = List.of();
      if (backend.get() instanceof Service service) {
        details.add(
            "type "
                + service.type()
                + ", ports "
                + service.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList()
                + service.clusterIp().map(ip -> ", clusterIP " + ip).orElse(""));
        slices =
            objects.slices(
                service.meta().namespace(),
                service.meta().name(),
                EndpointSlice.SERVICE_NAME_LABEL);
      } else if (backend.get() instanceof ServiceImport imported) {
        details.add("type " + imported.type() + ", ips " + imported.ips());
        slices =
            objects.slices(
                imported.meta().namespace(),
                imported.meta().name(),
                EndpointSlice.MCS_SERVICE_NAME_LABEL);
      } else if (backend.get() instanceof Backend envoyBackend) {
        details.add("endpoints " + envoyBackend.endpoints());
      }
      if (clue.port() != null) {
        details.add("port " + clue.port());
      }
      if (!(backend.get() instanceof Backend)) {
        details.add(slices.isEmpty() ? "no EndpointSlice" : slices.size() + " EndpointSlice(s)");
      }
      items.add(objects.item(backend.get(), List.of(), details));
      for (EndpointSlice slice : slices) {
        items.add(objects.item(slice, List.of(), List.of(endpoints(slice))));
      }
    }
  }

  private static String endpoints(EndpointSlice slice) {
    long ready = slice.endpoints().stream().filter(EndpointSlice.Endpoint::isReady).count();
    return slice.endpoints().size()
        + " endpoints, "
        + ready
        + " ready: "
        + slice.endpoints().stream()
            .flatMap(e -> e.addresses().stream())
            .collect(Collectors.joining(", "));
  }
}
