package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Misdirected requests on HTTPS listeners that share a port: the SNI picks one listener's TLS
 * chain, and a Host that belongs to another HTTPS listener on that port gets 421 (Misdirected
 * Request).
 *
 * <p>Each chain's route configuration gets, for every other HTTPS listener on the port, a virtual
 * host for that listener's hostname ({@code *} when it has none) whose only route answers 421; it
 * names that listener. Envoy prefers exact domains to wildcards to {@code *}, so a Host goes to the
 * most specific listener hostname that covers it, as the Gateway API sends requests. When such a
 * virtual host would also cover the chain's own hostname ({@code *}, or a wildcard above it), the
 * chain gets a virtual host for its own hostname (no routes: 404 unless a route's virtual host is
 * more specific) so its own unrouted hosts stay 404. The route configuration's own domains were
 * already limited to those the chain's listener owns.
 */
final class MisdirectedHosts {
  static final int MISDIRECTED_REQUEST = 421;

  private MisdirectedHosts() {}

  static IrRouteConfig add(
      IrRouteConfig config,
      ListenerState chain,
      List<ListenerState> onPort,
      ProvenanceRules provenance) {
    List<ListenerState> others = onPort.stream().filter(l -> l != chain).toList();
    if (others.isEmpty()) {
      return config;
    }
    Set<String> domains =
        config.virtualHosts().stream()
            .flatMap(v -> v.domains().stream())
            .collect(Collectors.toSet());
    List<IrVirtualHost> hosts = new ArrayList<>(config.virtualHosts());
    Optional<String> own =
        chain.listener().hostname().map(h -> h.toLowerCase(java.util.Locale.ROOT));
    boolean ownCovered = false;
    for (ListenerState other : others) {
      String domain =
          other
              .listener()
              .hostname()
              .map(h -> h.toLowerCase(java.util.Locale.ROOT))
              .orElse(Hostnames.ANY);
      if (domains.contains(domain)
          || own.map(domain::equals).orElse(domain.equals(Hostnames.ANY))) {
        continue;
      }
      String name = config.name() + "/" + Hostnames.forName(domain);
      IrRoute misdirected =
          new IrRoute(
              name + "/misdirected",
              new IrMatch(IrMatch.PathType.PREFIX, "/", List.of(), List.of()),
              new IrAction.DirectResponse(MISDIRECTED_REQUEST),
              IrHeaderChanges.NONE,
              IrHeaderChanges.NONE,
              null,
              ResourceMetadata.NONE);
      hosts.add(
          new IrVirtualHost(
              name,
              List.of(domain),
              List.of(misdirected),
              provenance.virtualHost(
                  List.of(
                      new AbstractMap.SimpleImmutableEntry<>(
                          other.gateway().meta(), other.listener().name())))));
      domains.add(domain);
      ownCovered |=
          own.isPresent() && (domain.equals(Hostnames.ANY) || Hostnames.matches(domain, own.get()));
    }
    if (ownCovered && !domains.contains(own.get())) {
      hosts.add(
          new IrVirtualHost(
              config.name() + "/" + Hostnames.forName(own.get()),
              List.of(own.get()),
              List.of(),
              provenance.virtualHost(
                  List.of(
                      new AbstractMap.SimpleImmutableEntry<>(
                          chain.gateway().meta(), chain.listener().name())))));
    }
    hosts.sort(Comparator.comparing(IrVirtualHost::name));
    return new IrRouteConfig(config.name(), hosts);
  }
}
