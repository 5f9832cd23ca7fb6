package io.gatewire.domain.explain;

import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.status.Condition;
import java.util.List;

/**
 * What an input was traced back to.
 *
 * @param input the input as given
 * @param understoodAs what the input was read as ({@code access log line}, {@code stat name}, ...)
 * @param objects the objects found, in chain order: Gateway, route, backends, their slices
 * @param xds what the input's Envoy names are, one sentence each
 * @param unresolved what the input names that was not found; empty when everything was
 */
public record Explanation(
    String input,
    String understoodAs,
    List<Item> objects,
    List<String> xds,
    List<String> unresolved) {
  public Explanation {
    objects = List.copyOf(objects);
    xds = List.copyOf(xds);
    unresolved = List.copyOf(unresolved);
  }

  /** Whether something was found and nothing the input names is missing. */
  public boolean resolved() {
    return unresolved.isEmpty() && !objects.isEmpty();
  }

  /**
   * One object of the chain.
   *
   * @param ref the object
   * @param location where it was read: {@code file:line}, or the cluster object and its
   *     resourceVersion; null when unknown
   * @param conditions its own status conditions (a Gateway's, a GatewayClass's); route parents and
   *     listeners are in {@code details}
   * @param details what matters about it here, one line each (a listener, a rule, a backendRef,
   *     endpoints)
   * @param warnings the translation's warnings about it
   */
  public record Item(
      ObjectRef ref,
      String location,
      List<Condition> conditions,
      List<String> details,
      List<String> warnings) {
    public Item {
      conditions = List.copyOf(conditions);
      details = List.copyOf(details);
      warnings = List.copyOf(warnings);
    }
  }
}
