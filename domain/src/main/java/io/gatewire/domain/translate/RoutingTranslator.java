package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.incremental.SameInstances;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The first step of a translation, from everything but EndpointSlices: manages the GatewayClasses
 * whose controllerName is ours and the Gateways of those classes; plans every route once ({@link
 * RoutePlanner}, {@link L4RoutePlanner}) and attaches it to every listener its parentRefs select
 * ({@link RouteAttacher}); {@link L4Arbiter} decides which route a TLS, TCP or UDP port (or SNI
 * name) forwards to; {@link GatewayAssembler} builds each Gateway's listeners, routes and clusters;
 * {@link StatusConditions} says it all in status.
 *
 * <p>A route planned from the same route object, whose backendRefs resolve the same, is the plan
 * made before ({@link #PLANS}); a Gateway's listeners validated from the same Gateway, Secrets and
 * ReferenceGrants are the states validated before ({@link #LISTENERS}); and a route attached with
 * the same plan to the same Gateways and listeners gives the attachments made before ({@link
 * #ATTACHMENTS}) and the same status ({@link #ROUTE_STATUSES}), so that what is assembled from them
 * can tell by identity that they did not change.
 */
final class RoutingTranslator {
  /** Route plans by route, from the route and what its backendRefs resolved to. */
  static final String PLANS = "translate.plans";

  /** Each Gateway's validated listeners, from the Gateway and the Secrets and grants it reads. */
  static final String LISTENERS = "translate.listeners";

  /** Each route's parentRef outcomes, from its plan and the Gateways it may attach to. */
  static final String ATTACHMENTS = "translate.attachments";

  /** Each route's status, from its attachments and why any of them lost to an older L4 route. */
  static final String ROUTE_STATUSES = "translate.routeStatuses";

  private final TranslatorOptions options;
  private final RegexDialect regexes;
  private final CertificateMemo certificates;
  private final Memos memos;
  private final Memo<ObjectRef, Planned> plans;
  private final Memo<ObjectRef, List<ListenerState>> validated;
  private final Memo<ObjectRef, RouteAttacher.Attached> routeAttachments;
  private final Memo<ObjectRef, ObjectStatus> routeStatuses;

  RoutingTranslator(
      TranslatorOptions options, RegexDialect regexes, CertificateRules certificates, Memos memos) {
    this.options = options;
    this.regexes = regexes;
    this.certificates = new CertificateMemo(certificates, memos);
    this.memos = memos;
    this.plans = memos.memo(PLANS);
    this.validated = memos.memo(LISTENERS);
    this.routeAttachments = memos.memo(ATTACHMENTS);
    this.routeStatuses = memos.memo(ROUTE_STATUSES);
  }

  /** A route's plan with the warnings planning it gave. */
  private record Planned(RoutePlan plan, List<Warning> warnings) {}

  /**
   * What attaching one parentRef of a route gave, before L4 arbitration; {@code outcome} is null
   * when every rule of the route was dropped, so it attaches nowhere.
   */
  record ParentOutcome(RoutePlan plan, ParentRef ref, RouteAttacher.Outcome outcome) {}

  /** Translates {@code resources}, whose EndpointSlices it does not read. */
  Routing translate(GatewayResources resources) {
    Set<Warning> warnings = new TreeSet<>();
    ProvenanceRules provenance = new ProvenanceRules(options.metadata(), warnings::add);
    ReferenceGrants grants = new ReferenceGrants(resources.referenceGrants());
    StatusConditions conditions = new StatusConditions(options.controllerName());
    List<ObjectStatus> statuses = new ArrayList<>();

    ProxySettingsResolver settings =
        new ProxySettingsResolver(
            options.proxySettings(), resources.proxySettings(), warnings::add);
    Map<String, GatewayClass> ourClasses = new TreeMap<>();
    for (GatewayClass c : resources.gatewayClasses()) {
      if (options.controllerName().equals(c.controllerName())) {
        ourClasses.put(c.meta().name(), c);
        Optional<String> problem = settings.classProblem(c);
        problem.ifPresent(
            p -> warnings.add(new Warning(c.ref(), p + StatusConditions.PROGRAMMED_ANYWAY)));
        statuses.add(ObjectStatus.of(c.meta(), conditions.gatewayClass(c, problem)));
      }
    }

    ListenerValidator validator =
        new ListenerValidator(resources, grants, options.secrets(), certificates);
    Map<ObjectRef, Gateway> gateways = new TreeMap<>();
    Map<ObjectRef, List<ListenerState>> listeners = new TreeMap<>();
    // a validation reads the Gateway, the Secrets and the ReferenceGrants alone; the states hold
    // the very Gateway instance, which the assembly compares by identity
    SameInstances listenerSource =
        SameInstances.of(resources.secrets(), resources.referenceGrants());
    for (Gateway g : resources.gateways()) {
      if (ourClasses.containsKey(g.gatewayClassName())) {
        gateways.put(g.ref(), g);
        listeners.put(
            g.ref(),
            validated.get(
                g.ref(),
                List.of(SameInstances.of(g), listenerSource, options.secrets()),
                () -> validator.validate(g)));
      }
    }

    BackendResolver backends = new BackendResolver(resources, grants);
    // every backend lookup answers from these alone
    SameInstances backendSource =
        SameInstances.of(
            resources.services(),
            resources.serviceImports(),
            resources.backends(),
            resources.referenceGrants());
    List<RoutePlan> routePlans = new ArrayList<>();
    List<Route> routes = new ArrayList<>(resources.httpRoutes());
    routes.addAll(resources.grpcRoutes());
    routes.addAll(resources.l4Routes());
    routes.forEach(route -> routePlans.add(plan(route, backendSource, backends, warnings::add)));

    RouteAttacher attacher =
        new RouteAttacher(resources.namespaces(), resources.gateways(), gateways, listeners);
    // besides its plan, a route's attachment reads these alone (the listeners as validated above)
    List<Object> attachSource =
        new ArrayList<>(
            List.of(resources.gatewayClasses(), resources.gateways(), resources.namespaces()));
    attachSource.addAll(listeners.values());
    SameInstances attachInputs = SameInstances.of(attachSource.toArray());
    List<ParentOutcome> outcomes = new ArrayList<>();
    List<Attachment> allAttachments = new ArrayList<>();
    List<RouteAttacher.Attached> attachedPerRoute = new ArrayList<>(routePlans.size());
    for (RoutePlan plan : routePlans) {
      RouteAttacher.Attached a =
          routeAttachments.get(
              plan.route().ref(),
              List.of(SameInstances.of(plan), attachInputs),
              () -> attacher.attachAll(plan));
      a.warnings().forEach(warnings::add);
      outcomes.addAll(a.outcomes());
      allAttachments.addAll(a.attachments());
      attachedPerRoute.add(a);
    }
    L4Arbiter.Result arbitrated = L4Arbiter.arbitrate(allAttachments);
    for (RouteAttacher.Attached a : attachedPerRoute) {
      if (!a.outcomes().isEmpty()) {
        statuses.add(
            routeStatuses.get(
                a.outcomes().get(0).plan().route().ref(),
                List.of(a, arbitrated.lostOf(a.attachments())),
                () -> conditions.route(a.outcomes(), arbitrated)));
      }
    }
    Map<ListenerState, Set<RoutePlan>> attachedRoutes =
        StatusConditions.attachedRoutes(outcomes, arbitrated);

    Map<ObjectRef, List<Attachment>> attachmentsByGateway = new TreeMap<>();
    arbitrated
        .kept()
        .forEach(
            a ->
                attachmentsByGateway
                    .computeIfAbsent(a.listener().gateway().ref(), g -> new ArrayList<>())
                    .add(a));

    GatewayAssembler assembler =
        new GatewayAssembler(
            options.metadata(), memos, provenance, warnings::add, resources.secrets());
    List<GatewayPlan> gatewayPlans = new ArrayList<>();
    for (Gateway g : gateways.values()) {
      List<Attachment> attachments = attachmentsByGateway.getOrDefault(g.ref(), List.of());
      Optional<String> parametersProblem = settings.gatewayProblem(g);
      parametersProblem.ifPresent(
          problem ->
              warnings.add(new Warning(g.ref(), problem + StatusConditions.PROGRAMMED_ANYWAY)));
      gatewayPlans.add(
          assembler
              .assemble(g, listeners.get(g.ref()), attachments)
              .withSettings(settings.settings(g, ourClasses.get(g.gatewayClassName()))));
      statuses.add(
          ObjectStatus.of(
              g.meta(),
              conditions.gateway(g, listeners.get(g.ref()), attachedRoutes, parametersProblem)));
    }
    // sorted runs (the classes, each kind of route, the Gateways): merged in linear time
    statuses.sort(null);
    return new Routing(
        gatewayPlans, new TranslationResult(Ir.EMPTY, statuses, List.copyOf(warnings)));
  }

  /**
   * The plan of {@code route}, made by its kind's planner against {@code backends}, or the one made
   * before from the same route whose backendRefs resolved the same (not asked again while {@code
   * backendSource}, what they resolve from, is the same); its warnings go to {@code warnings}
   * either way.
   */
  private RoutePlan plan(
      Route route, SameInstances backendSource, Backends backends, Consumer<Warning> warnings) {
    Planned planned =
        plans.get(
            route.ref(),
            route,
            backendSource,
            backends::resolve,
            (Function<BackendLookup, ResolvedBackend> lookup) -> {
              List<Warning> emitted = new ArrayList<>();
              ProvenanceRules provenance = new ProvenanceRules(options.metadata(), emitted::add);
              Backends recorded = lookup::apply;
              RoutePlan plan;
              if (route instanceof HttpRoute http) {
                plan = new RoutePlanner(recorded, provenance, regexes).plan(http);
              } else if (route instanceof GrpcRoute grpc) {
                plan = new RoutePlanner(recorded, provenance, regexes).plan(grpc);
              } else {
                plan = new L4RoutePlanner(recorded, provenance, emitted::add).plan((L4Route) route);
              }
              return new Planned(plan, List.copyOf(emitted));
            });
    planned.warnings().forEach(warnings);
    return planned.plan();
  }
}
