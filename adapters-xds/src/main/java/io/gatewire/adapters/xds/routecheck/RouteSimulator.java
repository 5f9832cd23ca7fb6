package io.gatewire.adapters.xds.routecheck;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Backend;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Mirror;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates a request against Envoy resources the way Envoy does: the listener {@code
 * <namespace>/<gateway>/<port>}, the filter chain by SNI, its HTTP connection manager's RDS route
 * configuration, the virtual host by Host, the first route that matches, Envoy's CORS filter
 * ({@link CorsFilter}) on routes that forward, then the route's action. Backends are read from the
 * locality metadata ({@code filter_metadata[<namespace>].resources}).
 *
 * <p>Longer than most classes: it follows Envoy's request path step by step (listener, chain,
 * virtual host, route, action, retries and CORS), and each step reads the one configuration it
 * holds.
 */
public final class RouteSimulator {
  private final Map<String, Listener> listeners;
  private final Map<String, RouteConfiguration> routes;
  private final Map<String, Cluster> clusters;
  private final Map<String, ClusterLoadAssignment> endpoints;
  private final String metadataNamespace;
  private final EndpointKnowledge knowledge;

  public RouteSimulator(
      XdsResources resources, String metadataNamespace, EndpointKnowledge knowledge) {
    this.listeners = byName(resources.listeners(), Listener::getName);
    this.routes = byName(resources.routes(), RouteConfiguration::getName);
    this.clusters = byName(resources.clusters(), Cluster::getName);
    this.endpoints = byName(resources.endpoints(), ClusterLoadAssignment::getClusterName);
    this.metadataNamespace = metadataNamespace;
    this.knowledge = knowledge;
  }

  public RouteOutcome simulate(RouteRequest request) {
    Trace trace = new Trace();
    String listenerName = request.gateway() + "/" + request.port();
    Listener listener = listeners.get(listenerName);
    if (listener == null) {
      trace.notes.add("no listener " + listenerName + ": the connection is refused");
      return trace.outcome(List.of(envoyAnswer(0, null, Map.of())));
    }
    trace.listener = listenerName;
    boolean tls = request.scheme().equalsIgnoreCase("https");
    Optional<FilterChain> chain =
        tls
            ? HostSelection.filterChain(
                listener.getFilterChainsList().stream()
                    .filter(c -> c.hasTransportSocket())
                    .toList(),
                request.serverName())
            : listener.getFilterChainsList().stream()
                .filter(c -> !c.hasTransportSocket())
                .findFirst();
    if (chain.isEmpty()) {
      trace.notes.add(
          "no "
              + (tls
                  ? "TLS filter chain for server name " + request.serverName()
                  : "plain-text filter chain")
              + ": the connection is closed");
      return trace.outcome(List.of(envoyAnswer(0, null, Map.of())));
    }
    trace.filterChain = chain.get().getName().isEmpty() ? null : chain.get().getName();
    HttpConnectionManager hcm = httpConnectionManager(chain.get());
    if (hcm != null) {
      RequestNormalisation.Result normalised = RequestNormalisation.apply(hcm, request);
      if (!normalised.note().isEmpty()) {
        trace.notes.add(normalised.note());
      }
      if (normalised.routed().isEmpty()) {
        return trace.outcome(
            List.of(envoyAnswer(normalised.status(), normalised.location(), Map.of())));
      }
      return route(normalised.request(), hcm, trace);
    }
    return route(request, hcm, trace);
  }

  /** The request as the connection manager routes it (already normalised). */
  private RouteOutcome route(RouteRequest request, HttpConnectionManager hcm, Trace trace) {
    String rds = hcm != null && hcm.hasRds() ? hcm.getRds().getRouteConfigName() : null;
    RouteConfiguration config = rds == null ? null : routes.get(rds);
    if (config == null) {
      trace.notes.add("route configuration " + rds + " not found");
      return trace.outcome(List.of(envoyAnswer(404, null, Map.of())));
    }
    Optional<VirtualHost> vhost = HostSelection.virtualHost(config, request.host());
    if (vhost.isEmpty()) {
      trace.notes.add("no virtual host for " + request.host());
      return trace.outcome(List.of(envoyAnswer(404, null, Map.of())));
    }
    trace.virtualHost = vhost.get().getName();
    Headers headers = Headers.of(request.headers());
    Headers matchHeaders = headers.copy();
    matchHeaders.set(":method", request.method());
    matchHeaders.set(":authority", request.host());
    matchHeaders.set(":path", request.path());
    matchHeaders.set(":scheme", request.scheme());
    Optional<Route> route =
        vhost.get().getRoutesList().stream()
            .filter(r -> RouteMatching.matches(r.getMatch(), request.path(), matchHeaders))
            .findFirst();
    if (route.isEmpty()) {
      trace.notes.add("no route matches");
      return trace.outcome(List.of(envoyAnswer(404, null, Map.of())));
    }
    trace.route = route.get().getName();
    // The CORS filter runs before the router, and only on routes with a route entry (not on
    // redirects
    // and direct responses).
    Optional<CorsFilter> cors =
        route.get().getActionCase() == Route.ActionCase.ROUTE
            ? CorsFilter.forRequest(hcm, config, vhost.get(), route.get(), headers)
            : Optional.empty();
    if (cors.isPresent()) {
      Optional<Headers> preflight = cors.get().preflightAnswer(request.method(), headers);
      if (preflight.isPresent()) {
        trace.notes.add(
            "CORS preflight answered by the CORS filter (origin "
                + (cors.get().originAllowed() ? "allowed" : "not allowed")
                + ")");
        cors.get().encode(preflight.get());
        return trace.outcome(List.of(envoyAnswer(200, null, preflight.get().asMap())));
      }
    }
    List<Answer> answers = act(request, config, vhost.get(), route.get(), headers, trace);
    if (cors.isPresent()) {
      answers = answers.stream().map(a -> withCors(a, cors.get())).toList();
    }
    return trace.outcome(answers);
  }

  private static Answer withCors(Answer answer, CorsFilter cors) {
    Headers response = Headers.of(answer.responseHeaders());
    cors.encode(response);
    return new Answer(
        answer.share(),
        answer.cluster(),
        answer.backend(),
        answer.status(),
        answer.location(),
        answer.received(),
        response.asMap(),
        answer.attempts());
  }

  private List<Answer> act(
      RouteRequest request,
      RouteConfiguration config,
      VirtualHost vhost,
      Route route,
      Headers headers,
      Trace trace) {
    switch (route.getActionCase()) {
      case DIRECT_RESPONSE:
        return List.of(
            envoyAnswer(
                route.getDirectResponse().getStatus(),
                null,
                responseHeaders(new Headers(), config, vhost, route, null)));
      case REDIRECT:
        {
          String location =
              RedirectLocation.location(
                  route.getRedirect(),
                  route.getMatch(),
                  request.scheme(),
                  request.host(),
                  request.path());
          return List.of(
              envoyAnswer(
                  RedirectLocation.status(route.getRedirect()),
                  location,
                  responseHeaders(new Headers(), config, vhost, route, null)));
        }
      case ROUTE:
        return forward(request, config, vhost, route, headers, trace);
      default:
        trace.notes.add("route action " + route.getActionCase() + " is not simulated");
        return List.of(envoyAnswer(0, null, Map.of()));
    }
  }

  private List<Answer> forward(
      RouteRequest request,
      RouteConfiguration config,
      VirtualHost vhost,
      Route route,
      Headers headers,
      Trace trace) {
    RouteAction action = route.getRoute();
    RetryPolicy retry = action.hasRetryPolicy() ? action.getRetryPolicy() : null;
    Duration timeout = action.hasTimeout() ? EchoBackend.toDuration(action.getTimeout()) : null;
    trace.retry = retry == null ? null : describe(retry);
    trace.timeout =
        timeout == null
            ? "default (" + EchoBackend.DEFAULT_ROUTE_TIMEOUT.getSeconds() + "s)"
            : timeout.isZero() ? "disabled" : format(timeout);
    action
        .getRequestMirrorPoliciesList()
        .forEach(
            m ->
                trace.mirrors.add(
                    new Mirror(
                        m.getCluster(),
                        backends(m.getCluster()),
                        m.hasRuntimeFraction()
                            ? percent(m.getRuntimeFraction().getDefaultValue())
                            : 100.0)));
    List<WeightedCluster.ClusterWeight> targets = new ArrayList<>();
    if (action.getClusterSpecifierCase() == RouteAction.ClusterSpecifierCase.CLUSTER) {
      trace.cluster = action.getCluster();
      targets.add(
          WeightedCluster.ClusterWeight.newBuilder()
              .setName(action.getCluster())
              .setWeight(com.google.protobuf.UInt32Value.of(1))
              .build());
    } else if (action.getClusterSpecifierCase()
        == RouteAction.ClusterSpecifierCase.WEIGHTED_CLUSTERS) {
      targets.addAll(action.getWeightedClusters().getClustersList());
      trace.cluster =
          targets.stream()
              .map(WeightedCluster.ClusterWeight::getName)
              .collect(Collectors.joining(", "));
    } else {
      trace.notes.add(
          "cluster specifier " + action.getClusterSpecifierCase() + " is not simulated");
      return List.of(envoyAnswer(0, null, Map.of()));
    }
    long total = targets.stream().mapToLong(t -> t.getWeight().getValue()).sum();
    List<Answer> answers = new ArrayList<>();
    for (WeightedCluster.ClusterWeight target : targets) {
      double share = total == 0 ? 0 : (double) target.getWeight().getValue() / total;
      if (share == 0) {
        continue;
      }
      Cluster cluster = clusters.get(target.getName());
      if (cluster == null) {
        int code = notFoundCode(action);
        trace.notes.add("cluster " + target.getName() + " does not exist: Envoy answers " + code);
        answers.add(new Answer(share, target.getName(), null, code, null, null, Map.of(), 0));
        continue;
      }
      Headers sent = headers.copy();
      HeaderEdits.apply(
          sent, target.getRequestHeadersToRemoveList(), target.getRequestHeadersToAddList());
      HeaderEdits.apply(
          sent, route.getRequestHeadersToRemoveList(), route.getRequestHeadersToAddList());
      HeaderEdits.apply(
          sent, vhost.getRequestHeadersToRemoveList(), vhost.getRequestHeadersToAddList());
      HeaderEdits.apply(
          sent, config.getRequestHeadersToRemoveList(), config.getRequestHeadersToAddList());
      String host =
          action.getHostRewriteSpecifierCase()
                  == RouteAction.HostRewriteSpecifierCase.HOST_REWRITE_LITERAL
              ? action.getHostRewriteLiteral()
              : request.host();
      String path = request.path();
      if (!action.getPrefixRewrite().isEmpty()) {
        path = PathRewrites.prefix(route.getMatch(), path, action.getPrefixRewrite());
      } else if (action.hasRegexRewrite()) {
        path = PathRewrites.regex(action.getRegexRewrite(), path);
      }
      ReceivedRequest received = new ReceivedRequest(request.method(), host, path, sent.asMap());
      List<Locality> localities = localities(cluster);
      double ready = localities.stream().filter(l -> l.ready).mapToDouble(l -> l.weight).sum();
      if (ready == 0) {
        trace.notes.add(
            "cluster " + target.getName() + " has no ready endpoint: Envoy answers 503");
        answers.add(new Answer(share, target.getName(), null, 503, null, null, Map.of(), 0));
        continue;
      }
      EchoBackend.Result result = EchoBackend.answer(path, timeout, retry);
      for (Locality locality : localities) {
        if (!locality.ready || locality.weight == 0) {
          continue;
        }
        if (locality.backend != null && locality.backend.assumedReady()) {
          trace.notes.add(
              "backend " + locality.backend + " has no endpoints in the input: assumed ready");
        }
        Headers response = new Headers();
        request.backendResponseHeaders().forEach(response::add);
        answers.add(
            new Answer(
                share * locality.weight / ready,
                target.getName(),
                locality.backend,
                result.status(),
                null,
                received,
                responseHeaders(response, config, vhost, route, target),
                result.attempts()));
      }
    }
    return answers;
  }

  private static Map<String, List<String>> responseHeaders(
      Headers response,
      RouteConfiguration config,
      VirtualHost vhost,
      Route route,
      WeightedCluster.ClusterWeight target) {
    if (target != null) {
      HeaderEdits.apply(
          response, target.getResponseHeadersToRemoveList(), target.getResponseHeadersToAddList());
    }
    HeaderEdits.apply(
        response, route.getResponseHeadersToRemoveList(), route.getResponseHeadersToAddList());
    HeaderEdits.apply(
        response, vhost.getResponseHeadersToRemoveList(), vhost.getResponseHeadersToAddList());
    HeaderEdits.apply(
        response, config.getResponseHeadersToRemoveList(), config.getResponseHeadersToAddList());
    return response.asMap();
  }

  private static int notFoundCode(RouteAction action) {
    switch (action.getClusterNotFoundResponseCode()) {
      case INTERNAL_SERVER_ERROR:
        return 500;
      case NOT_FOUND:
        return 404;
      default:
        return 503;
    }
  }

  /** A locality: its weight, whether it can take requests, the backend its metadata names. */
  private record Locality(double weight, boolean ready, Backend backend) {}

  private List<Locality> localities(Cluster cluster) {
    ClusterLoadAssignment assignment =
        cluster.getType() == Cluster.DiscoveryType.EDS
            ? endpoints.get(
                cluster.getEdsClusterConfig().getServiceName().isEmpty()
                    ? cluster.getName()
                    : cluster.getEdsClusterConfig().getServiceName())
            : cluster.getLoadAssignment();
    if (assignment == null) {
      return List.of();
    }
    List<Locality> result = new ArrayList<>();
    for (LocalityLbEndpoints locality : assignment.getEndpointsList()) {
      Backend backend = backend(locality.getMetadata(), locality.getLbEndpointsCount() == 0);
      boolean ready =
          locality.getLbEndpointsCount() > 0 || backend != null && backend.assumedReady();
      double weight =
          locality.hasLoadBalancingWeight() ? locality.getLoadBalancingWeight().getValue() : 1;
      result.add(new Locality(weight, ready, backend));
    }
    return result;
  }

  private List<Backend> backends(String clusterName) {
    Cluster cluster = clusters.get(clusterName);
    return cluster == null
        ? List.of()
        : localities(cluster).stream().map(Locality::backend).filter(b -> b != null).toList();
  }

  /**
   * The first {@code resources} entry of the locality metadata; {@code empty}: the locality has no
   * endpoints.
   */
  private Backend backend(Metadata metadata, boolean empty) {
    Struct struct = metadata.getFilterMetadataMap().get(metadataNamespace);
    if (struct == null || !struct.containsFields("resources")) {
      return null;
    }
    List<Value> entries = struct.getFieldsOrThrow("resources").getListValue().getValuesList();
    if (entries.isEmpty()) {
      return null;
    }
    Map<String, Value> entry = entries.get(0).getStructValue().getFieldsMap();
    String kind = text(entry, "kind");
    String namespace = text(entry, "namespace");
    String name = text(entry, "name");
    boolean assumed = empty && !knowledge.endpointsDescribed(kind, namespace, name);
    return new Backend(kind, namespace, name, text(entry, "sectionName"), assumed);
  }

  private static String text(Map<String, Value> entry, String key) {
    Value value = entry.get(key);
    return value == null ? "" : value.getStringValue();
  }

  private static HttpConnectionManager httpConnectionManager(FilterChain chain) {
    for (Filter filter : chain.getFiltersList()) {
      if (filter.getTypedConfig().is(HttpConnectionManager.class)) {
        try {
          return filter.getTypedConfig().unpack(HttpConnectionManager.class);
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException("unreadable HttpConnectionManager", e);
        }
      }
    }
    return null;
  }

  private static double percent(FractionalPercent fraction) {
    double denominator;
    switch (fraction.getDenominator()) {
      case TEN_THOUSAND:
        denominator = 10_000;
        break;
      case MILLION:
        denominator = 1_000_000;
        break;
      default:
        denominator = 100;
    }
    return fraction.getNumerator() * 100.0 / denominator;
  }

  private static String describe(RetryPolicy retry) {
    List<String> parts = new ArrayList<>();
    if (!retry.getRetryOn().isEmpty()) {
      parts.add("on " + retry.getRetryOn());
      parts.add("retries " + (retry.hasNumRetries() ? retry.getNumRetries().getValue() : 1));
    } else {
      parts.add("no retries");
    }
    if (retry.getRetriableStatusCodesCount() > 0) {
      parts.add("codes " + retry.getRetriableStatusCodesList());
    }
    if (retry.hasPerTryTimeout()) {
      Duration perTry = EchoBackend.toDuration(retry.getPerTryTimeout());
      parts.add("per try " + (perTry.isZero() ? "disabled" : format(perTry)));
    }
    return String.join(", ", parts);
  }

  private static String format(Duration d) {
    return d.toNanos() % 1_000_000_000L == 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
  }

  private static Answer envoyAnswer(
      int status, String location, Map<String, List<String>> responseHeaders) {
    return new Answer(1.0, null, null, status, location, null, responseHeaders, 0);
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
  }

  /** What was selected so far. */
  private static final class Trace {
    private String listener;
    private String filterChain;
    private String virtualHost;
    private String route;
    private String cluster;
    private String retry;
    private String timeout;
    private final List<Mirror> mirrors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    RouteOutcome outcome(List<Answer> answers) {
      return new RouteOutcome(
          listener,
          filterChain,
          virtualHost,
          route,
          cluster,
          answers,
          mirrors,
          retry,
          timeout,
          notes.stream().distinct().toList());
    }
  }
}
