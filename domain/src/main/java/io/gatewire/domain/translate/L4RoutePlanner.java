package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Translates one TLSRoute, TCPRoute or UDPRoute into a {@link RoutePlan} without HTTP rules: one
 * cluster, {@code <kind>/<ns>/<name>/rule/0}, with a locality per valid backendRef. These routes
 * have no matches, so a connection can only go to one rule: the first; later rules are reported in
 * a warning and ignored (as Envoy Gateway does). The rule's action is a {@link IrAction.Forward}
 * whose {@code invalidWeight} is the share of connections the invalid backendRefs would have had:
 * the Gateway API asks for that share to be rejected. When no backendRef is valid the cluster has
 * no locality: Envoy then closes every connection at once, and ResolvedRefs says so.
 */
final class L4RoutePlanner {
  private final Backends backends;
  private final ProvenanceRules provenance;
  private final BackendLocalities localities;
  private final Consumer<Warning> warnings;

  L4RoutePlanner(Backends backends, ProvenanceRules provenance, Consumer<Warning> warnings) {
    this.backends = backends;
    this.provenance = provenance;
    this.localities = new BackendLocalities(provenance);
    this.warnings = warnings;
  }

  RoutePlan plan(L4Route route) {
    ObjectMeta meta = route.meta();
    String prefix = meta.kind().toLowerCase(Locale.ROOT);
    List<ClusterPlan> clusters = new ArrayList<>();
    List<RoutePlan.Problem> problems = new ArrayList<>();
    List<RoutePlan.RulePlan> rules = new ArrayList<>();
    if (route.rules().size() > 1) {
      warnings.accept(
          new Warning(
              route.ref(),
              meta.kind()
                  + " has "
                  + route.rules().size()
                  + " rules: only the first is used, a connection cannot choose between rules"));
    }
    if (!route.rules().isEmpty()) {
      L4Route.Rule rule = route.rules().get(0);
      String clusterName = prefix + "/" + meta.namespace() + "/" + meta.name() + "/rule/0";
      List<LocalityPlan> ruleLocalities = new ArrayList<>();
      boolean dns = false;
      long validWeight = 0;
      long invalidWeight = 0;
      String firstInvalidReason = null;
      for (int k = 0; k < rule.backendRefs().size(); k++) {
        BackendRef ref = rule.backendRefs().get(k);
        ResolvedBackend resolved =
            backends.resolve(new BackendLookup(ref, meta.kind(), meta.namespace()));
        if (resolved instanceof ResolvedBackend.Invalid bad) {
          problems.add(new RoutePlan.Problem(bad.reason(), "rule 0: " + bad.message()));
          firstInvalidReason = firstInvalidReason == null ? bad.reason() : firstInvalidReason;
          invalidWeight += ref.weight();
          continue;
        }
        ResolvedBackend.Found found = (ResolvedBackend.Found) resolved;
        if (ref.weight() > 0) {
          validWeight += ref.weight();
          dns |= found.dns();
          ruleLocalities.add(
              localities.locality(clusterName + "/backend/" + k, ref.weight(), found));
        }
      }
      if (ruleLocalities.isEmpty() && firstInvalidReason != null) {
        problems.add(
            new RoutePlan.Problem(
                firstInvalidReason, "rule 0 has no valid backendRef: every connection is closed"));
      }
      ResourceMetadata metadata = provenance.ruleCluster(meta, rule.name());
      clusters.add(
          new ClusterPlan(
              clusterName,
              dns ? IrCluster.Discovery.STRICT_DNS : IrCluster.Discovery.EDS,
              IrCluster.Protocol.L4,
              ruleLocalities,
              metadata));
      IrAction forward =
          new IrAction.Forward(
              clusterName,
              validWeight,
              invalidWeight,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              List.of());
      rules.add(
          new RoutePlan.RulePlan(
              0, List.of(), forward, IrHeaderChanges.NONE, IrHeaderChanges.NONE, null, metadata));
    }
    return new RoutePlan(route, prefix, rules, clusters, problems, List.of());
  }
}
