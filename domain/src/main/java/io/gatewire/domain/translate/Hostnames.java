package io.gatewire.domain.translate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Hostname rules of the Gateway API: a listener without hostname takes every route hostname; a
 * wildcard {@code *.example.com} matches any deeper name but never the apex {@code example.com}.
 */
final class Hostnames {
  static final String ANY = "*";

  private Hostnames() {}

  /**
   * The hostnames a route serves through a listener: the intersection of both lists. An empty route
   * list means "whatever the listener takes". The result is sorted; empty means no intersection.
   */
  static List<String> intersect(Optional<String> listenerHostname, List<String> routeHostnames) {
    TreeSet<String> result = new TreeSet<>();
    if (routeHostnames.isEmpty()) {
      result.add(listenerHostname.orElse(ANY));
      return List.copyOf(result);
    }
    for (String route : routeHostnames) {
      String lower = route.toLowerCase(Locale.ROOT);
      if (listenerHostname.isEmpty()) {
        result.add(lower);
        continue;
      }
      String listener = listenerHostname.get().toLowerCase(Locale.ROOT);
      if (listener.equals(lower)) {
        result.add(lower);
      } else if (matches(listener, lower)) {
        result.add(lower);
      } else if (matches(lower, listener)) {
        result.add(listener);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Whether {@code pattern} (a name or {@code *.suffix}) covers {@code host} (a name or wildcard).
   */
  static boolean matches(String pattern, String host) {
    if (!pattern.startsWith("*.")) {
      return pattern.equals(host);
    }
    String suffix = pattern.substring(1);
    if (host.startsWith("*.")) {
      String hostSuffix = host.substring(1);
      return hostSuffix.endsWith(suffix) && hostSuffix.length() > suffix.length();
    }
    return host.endsWith(suffix) && host.length() > suffix.length();
  }

  /**
   * How specific a listener hostname is: exact names beat wildcards, longer wildcards beat shorter,
   * and a listener without hostname is least specific.
   */
  static int specificity(Optional<String> listenerHostname) {
    if (listenerHostname.isEmpty()) {
      return 0;
    }
    String h = listenerHostname.get();
    return h.startsWith("*.") ? h.length() : 100_000 + h.length();
  }

  /** Whether a listener with this hostname would receive requests for {@code domain}. */
  static boolean listenerTakes(Optional<String> listenerHostname, String domain) {
    if (listenerHostname.isEmpty()) {
      return true;
    }
    String l = listenerHostname.get().toLowerCase(Locale.ROOT);
    return l.equals(domain) || matches(l, domain);
  }

  /** A hostname in a resource name: dots become underscores, as Envoy Gateway names them. */
  static String forName(String domain) {
    return domain.replace('.', '_');
  }
}
