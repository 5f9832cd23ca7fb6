package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * TLSRoute, TCPRoute and UDPRoute: rules of backendRefs, no HTTP matching. {@code kind} tells them
 * apart; TLSRoute also carries SNI hostnames.
 */
public record L4Route(
    ObjectMeta meta, List<ParentRef> parentRefs, List<String> hostnames, List<Rule> rules)
    implements Route {
  public L4Route {
    parentRefs = List.copyOf(parentRefs);
    hostnames = List.copyOf(hostnames);
    rules = List.copyOf(rules);
  }

  /** One rule: an optional name and its backends. */
  public record Rule(Optional<String> name, List<BackendRef> backendRefs) {
    public Rule {
      name = name == null ? Optional.empty() : name;
      backendRefs = List.copyOf(backendRefs);
    }
  }
}
