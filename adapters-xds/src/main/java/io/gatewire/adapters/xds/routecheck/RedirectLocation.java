package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;

/** The Location header Envoy builds for a {@link RedirectAction}, and its status. */
final class RedirectLocation {
  private RedirectLocation() {}

  static int status(RedirectAction redirect) {
    switch (redirect.getResponseCode()) {
      case MOVED_PERMANENTLY:
        return 301;
      case FOUND:
        return 302;
      case SEE_OTHER:
        return 303;
      case TEMPORARY_REDIRECT:
        return 307;
      case PERMANENT_REDIRECT:
        return 308;
      default:
        throw new IllegalArgumentException("unknown redirect code " + redirect.getResponseCode());
    }
  }

  /**
   * scheme: {@code scheme_redirect} ({@code https_redirect}) or the request's; host: {@code
   * host_redirect} (the request's port goes with the request's host), else the request's Host; then
   * {@code :port_redirect}; path: {@code path_redirect} (its own query replaces the request's), a
   * prefix or regex rewrite, or the request's path; {@code strip_query} drops the query.
   */
  static String location(
      RedirectAction redirect, RouteMatch match, String scheme, String host, String pathWithQuery) {
    String finalScheme =
        redirect.getSchemeRewriteSpecifierCase()
                == RedirectAction.SchemeRewriteSpecifierCase.SCHEME_REDIRECT
            ? redirect.getSchemeRedirect()
            : redirect.getHttpsRedirect() ? "https" : scheme;
    String finalHost;
    if (!redirect.getHostRedirect().isEmpty()) {
      finalHost = redirect.getHostRedirect();
    } else {
      // Envoy's processRequestHost: the request's port goes when a port redirect replaces it, or
      // when
      // the scheme changes and it was the old scheme's default port.
      String port = HostSelection.port(host);
      boolean dropPort =
          !port.isEmpty()
              && (redirect.getPortRedirect() != 0
                  || !finalScheme.equals(scheme)
                      && (scheme.equals("https") && port.equals("443")
                          || scheme.equals("http") && port.equals("80")));
      finalHost = dropPort ? HostSelection.stripPort(host) : host;
    }
    if (redirect.getPortRedirect() != 0) {
      finalHost = finalHost + ":" + redirect.getPortRedirect();
    }
    String path;
    switch (redirect.getPathRewriteSpecifierCase()) {
      case PATH_REDIRECT:
        String target = redirect.getPathRedirect();
        path = target.contains("?") ? target : target + queryPart(pathWithQuery);
        break;
      case PREFIX_REWRITE:
        path = PathRewrites.prefix(match, pathWithQuery, redirect.getPrefixRewrite());
        break;
      case REGEX_REWRITE:
        path = PathRewrites.regex(redirect.getRegexRewrite(), pathWithQuery);
        break;
      default:
        path = pathWithQuery;
    }
    if (redirect.getStripQuery()) {
      path = RouteMatching.pathOnly(path);
    }
    return finalScheme + "://" + finalHost + path;
  }

  private static String queryPart(String pathWithQuery) {
    int q = pathWithQuery.indexOf('?');
    return q < 0 ? "" : pathWithQuery.substring(q);
  }
}
