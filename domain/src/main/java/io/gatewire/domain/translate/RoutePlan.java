package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCors;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.Route;
import java.util.List;

/**
 * A route translated once, independent of the listeners it attaches to: its rules with their
 * matches and actions, the clusters they send to, the reference problems that go into its
 * ResolvedRefs condition, and the rules dropped as invalid (one message each) for its Accepted and
 * PartiallyInvalid conditions.
 */
record RoutePlan(
    Route route,
    String namePrefix,
    List<RulePlan> rules,
    List<ClusterPlan> clusters,
    List<Problem> problems,
    List<String> droppedRules) {
  RoutePlan {
    rules = List.copyOf(rules);
    clusters = List.copyOf(clusters);
    problems = List.copyOf(problems);
    droppedRules = List.copyOf(droppedRules);
  }

  /** Whether every rule was dropped, so nothing of the route can be programmed. */
  boolean allRulesDropped() {
    return rules.isEmpty() && !droppedRules.isEmpty();
  }

  String kind() {
    return route.meta().kind();
  }

  List<ParentRef> parentRefs() {
    return route.parentRefs();
  }

  /**
   * One rule: its matches, its action, header changes and CORS policy, and the route's metadata for
   * it.
   */
  record RulePlan(
      int index,
      List<MatchPlan> matches,
      IrAction action,
      IrHeaderChanges requestHeaders,
      IrHeaderChanges responseHeaders,
      IrCors cors,
      ResourceMetadata metadata) {
    RulePlan {
      matches = List.copyOf(matches);
    }
  }

  /** One match of a rule ({@code index} -1 when the rule has none) with its precedence. */
  record MatchPlan(int index, IrMatch match, Precedence precedence) {}

  /** Something wrong with the route's references, for its ResolvedRefs condition. */
  record Problem(String reason, String message) {}
}
