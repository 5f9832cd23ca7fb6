package io.gatewire.benchmarks;

import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.serve.ServedVersions;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which served resources get a new version (figures 2-4, and versions after a restart), counted per
 * xDS type on the Gateway's node group: a resource counts when its version differs, or it was added
 * or removed. Not timed.
 *
 * @param served how many resources of each type the workload is served
 * @param routeEdit figure 2: one HTTPRoute's path changed
 * @param endpointChange figure 3: one endpoint's address changed
 * @param noOp figure 4: an equal input reloaded through the pipeline
 * @param noOpTranslations translations the pipeline ran for that no-op (0 when it recognised it)
 * @param noOpRetranslated the same equal input translated and published anyway, past the pipeline's
 *     check
 * @param afterRestart a new process (a fresh pipeline and XdsServing) serving the same input
 */
public record VersionChanges(
    Map<String, Integer> served,
    Map<String, Integer> routeEdit,
    Map<String, Integer> endpointChange,
    Map<String, Integer> noOp,
    long noOpTranslations,
    Map<String, Integer> noOpRetranslated,
    Map<String, Integer> afterRestart) {

  public static VersionChanges measure(int routes, String shape) {
    WorkloadSpec spec = Workloads.spec(routes, shape);
    String yaml = WorkloadGenerator.yaml(spec);
    GatewayResources original = WorkloadGenerator.decode(yaml);
    Serving serving = new Serving();
    serving.publish(original);
    SortedMap<String, SortedMap<String, String>> base = versions(serving);

    serving.publish(WorkloadGenerator.decode(Workloads.editMiddleRoute(yaml, spec)));
    Map<String, Integer> routeEdit = changed(base, versions(serving));
    serving.publish(original);
    serving.publish(WorkloadGenerator.decode(Workloads.moveMiddleEndpoint(yaml, spec)));
    Map<String, Integer> endpointChange = changed(base, versions(serving));
    serving.publish(original);

    GatewayResources equalCopy = WorkloadGenerator.decode(yaml);
    long translations = serving.translations();
    serving.publish(equalCopy);
    long noOpTranslations = serving.translations() - translations;
    Map<String, Integer> noOp = changed(base, versions(serving));
    serving
        .xds()
        .publish(
            new Translator(TranslatorOptions.DEFAULTS, new EnvoyRegexDialect())
                .translate(equalCopy)
                .ir());
    Map<String, Integer> retranslated = changed(base, versions(serving));

    Serving restarted = new Serving();
    restarted.publish(WorkloadGenerator.decode(yaml));
    Map<String, Integer> afterRestart = changed(base, versions(restarted));

    Map<String, Integer> served = new TreeMap<>();
    base.forEach((type, byName) -> served.put(type, byName.size()));
    return new VersionChanges(
        served, routeEdit, endpointChange, noOp, noOpTranslations, retranslated, afterRestart);
  }

  private static SortedMap<String, SortedMap<String, String>> versions(Serving serving) {
    return ServedVersions.of(serving.xds(), Serving.GATEWAY_GROUP);
  }

  /**
   * Per type, the resources whose version differs between {@code before} and {@code after}, or that
   * only one has.
   */
  static Map<String, Integer> changed(
      SortedMap<String, SortedMap<String, String>> before,
      SortedMap<String, SortedMap<String, String>> after) {
    Map<String, Integer> changed = new TreeMap<>();
    before.forEach(
        (type, old) -> {
          Map<String, String> now = after.get(type);
          int count = 0;
          for (Map.Entry<String, String> entry : old.entrySet()) {
            if (!entry.getValue().equals(now.get(entry.getKey()))) {
              count++;
            }
          }
          for (String name : now.keySet()) {
            if (!old.containsKey(name)) {
              count++;
            }
          }
          changed.put(type, count);
        });
    return changed;
  }
}
