package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrCors;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates one HTTPRoute or GRPCRoute into a {@link RoutePlan}: matches with their precedence,
 * one action per rule, and one cluster per rule with a locality per backendRef. A rule whose
 * backendRefs carry filters gets a cluster per backendRef instead, so each backend's header changes
 * apply to its requests alone. A rule with an invalid path ({@link PathCheck}), a regular
 * expression the {@link RegexDialect} refuses, a filter type Gatewire does not implement, or an
 * invalid retry or timeout, is dropped (the route reports it as partially invalid).
 *
 * <p>Longer than most classes: it is the one place that reads an xRoute rule by rule, and its
 * checks share the rule's builder; split, each part would pass that state around.
 */
final class RoutePlanner {
  private static final int INTERNAL_ERROR = 500;

  private final Backends backends;
  private final ProvenanceRules provenance;
  private final BackendLocalities localities;
  private final RegexDialect regexes;

  RoutePlanner(Backends backends, ProvenanceRules provenance, RegexDialect regexes) {
    this.backends = backends;
    this.provenance = provenance;
    this.localities = new BackendLocalities(provenance);
    this.regexes = regexes;
  }

  RoutePlan plan(HttpRoute route) {
    Builder b = new Builder(route, "httproute");
    for (int i = 0; i < route.rules().size(); i++) {
      HttpRouteRule rule = route.rules().get(i);
      List<RoutePlan.MatchPlan> matches = new ArrayList<>();
      for (int j = 0; j < rule.matches().size(); j++) {
        matches.add(httpMatch(route.meta(), i, j, rule.matches().get(j)));
      }
      b.rule(
          i,
          rule.name(),
          matches,
          rule.filters(),
          rule.backendRefs(),
          rule.timeouts().orElse(null),
          rule.retry().orElse(null),
          false);
    }
    return b.build();
  }

  RoutePlan plan(GrpcRoute route) {
    Builder b = new Builder(route, "grpcroute");
    for (int i = 0; i < route.rules().size(); i++) {
      GrpcRoute.Rule rule = route.rules().get(i);
      List<RoutePlan.MatchPlan> matches = new ArrayList<>();
      if (rule.matches().isEmpty()) {
        matches.add(
            grpcMatch(route.meta(), i, -1, new GrpcRoute.Match(Optional.empty(), List.of())));
      }
      for (int j = 0; j < rule.matches().size(); j++) {
        matches.add(grpcMatch(route.meta(), i, j, rule.matches().get(j)));
      }
      b.rule(i, rule.name(), matches, rule.filters(), rule.backendRefs(), null, null, true);
    }
    return b.build();
  }

  private static RoutePlan.MatchPlan httpMatch(
      ObjectMeta meta, int rule, int index, HttpRouteMatch m) {
    IrMatch.PathType type;
    int kind;
    switch (m.path().type()) {
      case EXACT -> {
        type = IrMatch.PathType.EXACT;
        kind = Precedence.EXACT;
      }
      case REGULAR_EXPRESSION -> {
        type = IrMatch.PathType.REGEX;
        kind = Precedence.REGEX;
      }
      default -> {
        type = IrMatch.PathType.PREFIX;
        kind = Precedence.PREFIX;
      }
    }
    List<IrMatch.StringMatch> headers = new ArrayList<>();
    m.method().ifPresent(method -> headers.add(new IrMatch.StringMatch(":method", false, method)));
    m.headers().forEach(h -> headers.add(stringMatch(h)));
    List<IrMatch.StringMatch> query =
        m.queryParams().stream().map(RoutePlanner::stringMatch).toList();
    IrMatch match = new IrMatch(type, m.path().value(), headers, query);
    Precedence precedence =
        new Precedence(
            kind,
            m.path().value().length(),
            m.method().isPresent(),
            m.headers().size(),
            m.queryParams().size(),
            meta.creationTimestamp().getEpochSecond(),
            meta.namespace() + "/" + meta.name(),
            rule,
            index);
    return new RoutePlan.MatchPlan(index, match, precedence);
  }

  /**
   * gRPC service and method become a path: {@code /svc/method} exact, {@code /svc/} prefix, or a
   * regex.
   */
  private static RoutePlan.MatchPlan grpcMatch(
      ObjectMeta meta, int rule, int index, GrpcRoute.Match m) {
    IrMatch.PathType type = IrMatch.PathType.PREFIX;
    String path = "/";
    int kind = Precedence.PREFIX;
    if (m.method().isPresent()) {
      GrpcRoute.MethodMatch method = m.method().get();
      boolean regex = method.type() == HttpRouteMatch.StringMatchType.REGULAR_EXPRESSION;
      String service = method.service().orElse(null);
      String name = method.method().orElse(null);
      if (!regex && service != null && name != null) {
        type = IrMatch.PathType.EXACT;
        path = "/" + service + "/" + name;
        kind = Precedence.EXACT;
      } else if (!regex && service != null) {
        path = "/" + service + "/";
      } else {
        type = IrMatch.PathType.REGEX;
        kind = Precedence.REGEX;
        String servicePattern =
            service == null ? "[^/]+" : regex ? service : java.util.regex.Pattern.quote(service);
        String methodPattern =
            name == null ? "[^/]+" : regex ? name : java.util.regex.Pattern.quote(name);
        path = "/" + servicePattern + "/" + methodPattern;
      }
    }
    List<IrMatch.StringMatch> headers =
        m.headers().stream().map(RoutePlanner::stringMatch).toList();
    IrMatch match = new IrMatch(type, path, headers, List.of());
    Precedence precedence =
        new Precedence(
            kind,
            path.length(),
            false,
            headers.size(),
            0,
            meta.creationTimestamp().getEpochSecond(),
            meta.namespace() + "/" + meta.name(),
            rule,
            index);
    return new RoutePlan.MatchPlan(index, match, precedence);
  }

  private static IrMatch.StringMatch stringMatch(HttpRouteMatch.HeaderMatch h) {
    return new IrMatch.StringMatch(
        h.name(), h.type() == HttpRouteMatch.StringMatchType.REGULAR_EXPRESSION, h.value());
  }

  /** Collects the rules, clusters and problems of one route. */
  private final class Builder {
    private final Route route;
    private final String prefix;
    private final List<RoutePlan.RulePlan> rules = new ArrayList<>();
    private final List<ClusterPlan> clusters = new ArrayList<>();
    private final List<RoutePlan.Problem> problems = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();

    Builder(Route route, String prefix) {
      this.route = route;
      this.prefix = prefix;
    }

    RoutePlan build() {
      return new RoutePlan(route, prefix, rules, clusters, problems, dropped);
    }

    void rule(
        int index,
        Optional<String> name,
        List<RoutePlan.MatchPlan> matches,
        List<HttpFilter> filters,
        List<HttpBackendRef> refs,
        HttpRouteRule.Timeouts timeouts,
        HttpRouteRule.Retry retry,
        boolean grpc) {
      ObjectMeta meta = route.meta();
      String clusterName = prefix + "/" + meta.namespace() + "/" + meta.name() + "/rule/" + index;
      ResourceMetadata metadata = provenance.route(meta, name);
      Optional<String> invalid =
          invalidMatch(matches)
              .or(() -> unsupportedFilter(filters, refs))
              .or(() -> RetryCheck.problem(retry))
              .or(() -> TimeoutCheck.problem(timeouts));
      if (invalid.isPresent()) {
        dropped.add("rule " + index + ": " + invalid.get());
        return;
      }
      IrHeaderChanges requestHeaders = IrHeaderChanges.NONE;
      IrHeaderChanges responseHeaders = IrHeaderChanges.NONE;
      HttpFilter.RequestRedirect redirect = null;
      HttpFilter.UrlRewrite rewrite = null;
      IrCors cors = null;
      List<IrAction.Mirror> mirrors = new ArrayList<>();
      boolean unresolved = false;
      for (HttpFilter filter : filters) {
        if (filter instanceof HttpFilter.HeaderModifier h) {
          if (h.request()) {
            requestHeaders = changes(h);
          } else {
            responseHeaders = changes(h);
          }
        } else if (filter instanceof HttpFilter.RequestRedirect r) {
          redirect = r;
        } else if (filter instanceof HttpFilter.UrlRewrite u) {
          rewrite = u;
        } else if (filter instanceof HttpFilter.RequestMirror m) {
          mirror(clusterName, mirrors.size(), m, metadata, grpc).ifPresent(mirrors::add);
        } else if (filter instanceof HttpFilter.Cors c) {
          cors =
              new IrCors(
                  c.allowOrigins(),
                  c.allowMethods(),
                  c.allowHeaders(),
                  c.exposeHeaders(),
                  c.allowCredentials(),
                  c.maxAge());
        } else if (filter instanceof HttpFilter.ExtensionRef e) {
          unresolved = true;
          problems.add(
              new RoutePlan.Problem(
                  Reasons.INVALID_KIND,
                  "rule "
                      + index
                      + ": ExtensionRef filter "
                      + e.group()
                      + "/"
                      + e.kind()
                      + " "
                      + e.name()
                      + " cannot be resolved; its requests get 500"));
        }
      }

      IrAction action;
      if (unresolved) {
        action = new IrAction.DirectResponse(INTERNAL_ERROR);
      } else if (redirect != null) {
        action = redirect(redirect);
      } else {
        action =
            forward(index, clusterName, refs, rewrite, timeouts, retry, mirrors, metadata, grpc);
      }
      rules.add(
          new RoutePlan.RulePlan(
              index, matches, action, requestHeaders, responseHeaders, cors, metadata));
    }

    /**
     * The first path the CRD would refuse or regular expression the proxy would refuse among the
     * rule's matches, and why.
     */
    private Optional<String> invalidMatch(List<RoutePlan.MatchPlan> matches) {
      for (RoutePlan.MatchPlan plan : matches) {
        IrMatch match = plan.match();
        Optional<String> path =
            match.pathType() == IrMatch.PathType.REGEX
                ? regexProblem("path", match.path())
                : PathCheck.problem(match.path());
        if (path.isPresent()) {
          return path;
        }
        for (IrMatch.StringMatch header : match.headers()) {
          Optional<String> problem =
              header.regex()
                  ? regexProblem("header " + header.name(), header.value())
                  : Optional.empty();
          if (problem.isPresent()) {
            return problem;
          }
        }
        for (IrMatch.StringMatch query : match.queryParams()) {
          Optional<String> problem =
              query.regex()
                  ? regexProblem("query parameter " + query.name(), query.value())
                  : Optional.empty();
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
      return Optional.empty();
    }

    private Optional<String> regexProblem(String what, String pattern) {
      return regexes
          .problem(pattern)
          .map(problem -> what + " regex \"" + pattern + "\" " + problem);
    }

    /** The first filter type of the rule or of its backendRefs that Gatewire does not implement. */
    private static Optional<String> unsupportedFilter(
        List<HttpFilter> filters, List<HttpBackendRef> refs) {
      List<HttpFilter> all = new ArrayList<>(filters);
      refs.forEach(r -> all.addAll(r.filters()));
      for (HttpFilter f : all) {
        if (f instanceof HttpFilter.Unsupported u) {
          return Optional.of("filter type " + u.type() + " is not supported");
        }
      }
      for (HttpBackendRef r : refs) {
        for (HttpFilter f : r.filters()) {
          if (!(f instanceof HttpFilter.HeaderModifier)) {
            return Optional.of(
                "backendRef "
                    + r.ref().name()
                    + ": only RequestHeaderModifier and"
                    + " ResponseHeaderModifier are supported on a backendRef");
          }
        }
      }
      return Optional.empty();
    }

    private IrAction forward(
        int index,
        String clusterName,
        List<HttpBackendRef> refs,
        HttpFilter.UrlRewrite rewrite,
        HttpRouteRule.Timeouts timeouts,
        HttpRouteRule.Retry retry,
        List<IrAction.Mirror> mirrors,
        ResourceMetadata metadata,
        boolean grpc) {
      boolean split = refs.stream().anyMatch(r -> !r.filters().isEmpty());
      long valid = 0;
      long invalid = 0;
      boolean dns = false;
      boolean http2 = grpc;
      boolean webSocket = false;
      List<LocalityPlan> localities = new ArrayList<>();
      List<IrAction.Split> splits = new ArrayList<>();
      for (int k = 0; k < refs.size(); k++) {
        BackendRef ref = refs.get(k).ref();
        ResolvedBackend resolved =
            backends.resolve(new BackendLookup(ref, route.meta().kind(), route.meta().namespace()));
        if (resolved instanceof ResolvedBackend.Invalid bad) {
          problems.add(new RoutePlan.Problem(bad.reason(), "rule " + index + ": " + bad.message()));
          invalid += ref.weight();
          continue;
        }
        ResolvedBackend.Found found = (ResolvedBackend.Found) resolved;
        AppProtocols.Result protocol = AppProtocols.of(found.appProtocols());
        if (protocol.speaks() == null) {
          problems.add(
              new RoutePlan.Problem(
                  Reasons.UNSUPPORTED_PROTOCOL_REF,
                  "rule " + index + ": " + describe(ref, found) + ": " + protocol.problem()));
          invalid += ref.weight();
          continue;
        }
        if (ref.weight() <= 0) {
          continue;
        }
        valid += ref.weight();
        webSocket |= protocol.speaks().webSocket();
        String backendName = clusterName + "/backend/" + k;
        LocalityPlan locality = locality(backendName, ref.weight(), found);
        if (split) {
          clusters.add(
              cluster(
                  backendName,
                  found.dns(),
                  grpc || protocol.speaks().http2(),
                  List.of(locality),
                  metadata));
          splits.add(split(backendName, ref.weight(), refs.get(k).filters()));
        } else {
          dns |= found.dns();
          http2 |= protocol.speaks().http2();
          localities.add(locality);
        }
      }
      if (valid == 0) {
        return new IrAction.DirectResponse(INTERNAL_ERROR);
      }
      if (!split) {
        clusters.add(cluster(clusterName, dns, http2, localities, metadata));
      }
      String host = rewrite == null ? null : rewrite.hostname().orElse(null);
      String prefixRewrite = null;
      String fullPath = null;
      if (rewrite != null && rewrite.path().isPresent()) {
        HttpFilter.PathModifier path = rewrite.path().get();
        if (path.fullPath()) {
          fullPath = path.value();
        } else {
          prefixRewrite = path.value();
        }
      }
      String timeout = timeouts == null ? null : timeouts.request().orElse(null);
      String backendTimeout = timeouts == null ? null : timeouts.backendRequest().orElse(null);
      IrAction.Retry irRetry =
          retry == null
              ? null
              : new IrAction.Retry(
                  retry.attempts().orElse(null), retry.codes(), retry.backoff().orElse(null));
      return new IrAction.Forward(
          clusterName,
          valid,
          invalid,
          splits,
          host,
          prefixRewrite,
          fullPath,
          timeout,
          backendTimeout,
          irRetry,
          mirrors,
          webSocket);
    }

    private static ClusterPlan cluster(
        String name,
        boolean dns,
        boolean http2,
        List<LocalityPlan> localities,
        ResourceMetadata metadata) {
      return new ClusterPlan(
          name,
          dns ? IrCluster.Discovery.STRICT_DNS : IrCluster.Discovery.EDS,
          http2 ? IrCluster.Protocol.HTTP2 : IrCluster.Protocol.HTTP1,
          localities,
          metadata);
    }

    /**
     * A backendRef's own cluster with the header modifiers of its filters (the last of each kind
     * wins).
     */
    private static IrAction.Split split(String cluster, long weight, List<HttpFilter> filters) {
      IrHeaderChanges request = IrHeaderChanges.NONE;
      IrHeaderChanges response = IrHeaderChanges.NONE;
      for (HttpFilter f : filters) {
        HttpFilter.HeaderModifier h = (HttpFilter.HeaderModifier) f;
        if (h.request()) {
          request = changes(h);
        } else {
          response = changes(h);
        }
      }
      return new IrAction.Split(cluster, weight, request, response);
    }

    private LocalityPlan locality(String region, int weight, ResolvedBackend.Found found) {
      return localities.locality(region, weight, found);
    }

    private Optional<IrAction.Mirror> mirror(
        String clusterName,
        int m,
        HttpFilter.RequestMirror filter,
        ResourceMetadata metadata,
        boolean grpc) {
      ResolvedBackend resolved =
          backends.resolve(
              new BackendLookup(filter.backend(), route.meta().kind(), route.meta().namespace()));
      if (resolved instanceof ResolvedBackend.Invalid bad) {
        problems.add(new RoutePlan.Problem(bad.reason(), "request mirror: " + bad.message()));
        return Optional.empty();
      }
      ResolvedBackend.Found found = (ResolvedBackend.Found) resolved;
      AppProtocols.Result protocol = AppProtocols.of(found.appProtocols());
      if (protocol.speaks() == null) {
        problems.add(
            new RoutePlan.Problem(
                Reasons.UNSUPPORTED_PROTOCOL_REF,
                "request mirror: "
                    + describe(filter.backend(), found)
                    + ": "
                    + protocol.problem()));
        return Optional.empty();
      }
      String name = clusterName + "/mirror/" + m;
      clusters.add(
          cluster(
              name,
              found.dns(),
              grpc || protocol.speaks().http2(),
              List.of(locality(name + "/backend/0", 1, found)),
              metadata));
      return Optional.of(new IrAction.Mirror(name, filter.percent().orElse(100.0)));
    }
  }

  /** {@code backendRef Service ns/name port 8080}, as status messages name a backend. */
  private static String describe(BackendRef ref, ResolvedBackend.Found found) {
    String port = found.port().isPresent() ? " port " + found.port().getAsInt() : "";
    return "backendRef "
        + BackendResolver.groupKind(ref)
        + " "
        + found.meta().namespace()
        + "/"
        + found.meta().name()
        + port;
  }

  private static IrAction.Redirect redirect(HttpFilter.RequestRedirect r) {
    String fullPath = null;
    String prefix = null;
    if (r.path().isPresent()) {
      if (r.path().get().fullPath()) {
        fullPath = r.path().get().value();
      } else {
        prefix = r.path().get().value();
      }
    }
    Integer port = r.port().isPresent() ? r.port().getAsInt() : null;
    return new IrAction.Redirect(
        r.scheme().orElse(null), r.hostname().orElse(null), port, fullPath, prefix, r.statusCode());
  }

  private static IrHeaderChanges changes(HttpFilter.HeaderModifier h) {
    return new IrHeaderChanges(headers(h.set()), headers(h.add()), h.remove());
  }

  private static List<IrHeaderChanges.Header> headers(List<HttpFilter.Header> headers) {
    return headers.stream().map(h -> new IrHeaderChanges.Header(h.name(), h.value())).toList();
  }
}
