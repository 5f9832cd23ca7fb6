package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How Envoy picks a TLS filter chain by SNI and a virtual host by Host. */
final class HostSelection {
  private HostSelection() {}

  /**
   * The filter chain for {@code serverName}: an exact server name first, then the most specific
   * {@code *.} wildcard (Envoy strips one label at a time: {@code a.b.example.com} tries {@code
   * *.b.example.com}, then {@code *.example.com}, ...), then a chain without server names.
   */
  static Optional<FilterChain> filterChain(List<FilterChain> chains, String serverName) {
    String sni = serverName == null ? "" : serverName.toLowerCase(Locale.ROOT);
    if (!sni.isEmpty()) {
      for (String candidate = sni; ; ) {
        String wanted = candidate;
        Optional<FilterChain> found =
            chains.stream()
                .filter(
                    c ->
                        c.getFilterChainMatch().getServerNamesList().stream()
                            .anyMatch(n -> n.equalsIgnoreCase(wanted)))
                .findFirst();
        if (found.isPresent()) {
          return found;
        }
        String rest = candidate.startsWith("*.") ? candidate.substring(2) : candidate;
        int dot = rest.indexOf('.');
        if (dot < 0) {
          break;
        }
        candidate = "*" + rest.substring(dot);
      }
    }
    return chains.stream()
        .filter(c -> c.getFilterChainMatch().getServerNamesCount() == 0)
        .findFirst();
  }

  /**
   * The virtual host for {@code host}: the port is stripped when the configuration ignores it (IPv6
   * literals keep their brackets), then an exact domain wins over the longest suffix wildcard
   * ({@code *.x}, which needs at least one character before the suffix), which wins over the
   * longest prefix wildcard ({@code x.*}), which wins over {@code *}.
   */
  static Optional<VirtualHost> virtualHost(RouteConfiguration config, String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (config.getIgnorePortInHostMatching()) {
      name = stripPort(name);
    }
    VirtualHost exact = null;
    VirtualHost suffix = null;
    int suffixLength = -1;
    VirtualHost prefix = null;
    int prefixLength = -1;
    VirtualHost any = null;
    for (VirtualHost vhost : config.getVirtualHostsList()) {
      for (String domain : vhost.getDomainsList()) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.equals("*")) {
          any = any == null ? vhost : any;
        } else if (d.startsWith("*")) {
          String tail = d.substring(1);
          if (name.length() > tail.length()
              && name.endsWith(tail)
              && tail.length() > suffixLength) {
            suffix = vhost;
            suffixLength = tail.length();
          }
        } else if (d.endsWith("*")) {
          String head = d.substring(0, d.length() - 1);
          if (name.length() > head.length()
              && name.startsWith(head)
              && head.length() > prefixLength) {
            prefix = vhost;
            prefixLength = head.length();
          }
        } else if (d.equals(name) && exact == null) {
          exact = vhost;
        }
      }
    }
    return Optional.ofNullable(
        exact != null ? exact : suffix != null ? suffix : prefix != null ? prefix : any);
  }

  /** {@code host} without {@code :port}. */
  static String stripPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
  }

  /** The {@code :port} of {@code host}, or empty. */
  static String port(String host) {
    String bare = stripPort(host);
    return bare.length() < host.length() ? host.substring(bare.length() + 1) : "";
  }
}
