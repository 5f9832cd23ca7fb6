package io.gatewire.domain.translate;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Gateway API to IR, status and warnings. Manages the GatewayClasses whose controllerName is ours
 * and the Gateways of those classes; routes are translated once and attached to every listener
 * their parentRefs select, then {@link L4Arbiter} decides which route a TLS, TCP or UDP port (or
 * SNI name) forwards to. Pure and deterministic: the same resources give an equal result.
 */
public final class Translator {
  private final TranslatorOptions options;
  private final RegexDialect regexes;
  private final CertificateMemo certificates;
  private final PlanMemo memo;
  private final VirtualHostMemo hostMemo;
  private final ServiceEndpointsMemo serviceMemo = new ServiceEndpointsMemo();
  private final GatewayMemo gatewayMemo = new GatewayMemo();

  /** The input and result of the latest translation; null before the first. */
  private GatewayResources lastResources;

  private TranslationResult lastResult;

  /**
   * A translator that checks regular expressions with {@link RegexDialect#conservative()} and
   * certificates with {@link CertificateRules#conservative()}.
   */
  public Translator(TranslatorOptions options) {
    this(options, RegexDialect.conservative());
  }

  /**
   * A translator that drops the rules whose regular expressions {@code regexes} refuses; it checks
   * certificates with {@link CertificateRules#conservative()}.
   */
  public Translator(TranslatorOptions options, RegexDialect regexes) {
    this(options, regexes, CertificateRules.conservative());
  }

  /**
   * A translator that drops the rules whose regular expressions {@code regexes} refuses and does
   * not serve the listener certificates {@code certificates} refuses.
   */
  public Translator(
      TranslatorOptions options, RegexDialect regexes, CertificateRules certificates) {
    this.options = options;
    this.regexes = regexes;
    this.certificates = new CertificateMemo(certificates);
    this.memo = new PlanMemo(options.metadata());
    this.hostMemo = new VirtualHostMemo(options.metadata());
  }

  /**
   * Translates {@code resources}. Route plans of the previous call whose route and resolved
   * backends are unchanged are reused (see {@link PlanMemo}), and so are virtual hosts built from
   * the same plans ({@link VirtualHostMemo}); an IR Gateway whose parts are all unchanged is the
   * previous instance ({@link GatewayMemo}). Translating a small change is cheap; the result equals
   * a fresh translator's.
   */
  public synchronized TranslationResult translate(GatewayResources resources) {
    TranslationResult patched = lastResult == null ? null : endpointsOnly(resources);
    if (patched != null) {
      lastResources = resources;
      lastResult = patched;
      return patched;
    }
    try {
      lastResult = null;
      lastResult = translateAll(resources);
      lastResources = resources;
      return lastResult;
    } finally {
      memo.roll();
      hostMemo.roll();
      serviceMemo.roll();
      gatewayMemo.roll();
      certificates.roll();
    }
  }

  /**
   * The entries each memo holds (plans, virtual hosts, Service resolutions, IR Gateways, checked
   * certificates), for leak checks: after a translation they are bounded by its input.
   */
  synchronized Map<String, Integer> memoSizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put("plans", memo.size());
    sizes.put("virtualHosts", hostMemo.size());
    sizes.put("serviceResolutions", serviceMemo.size());
    sizes.put("gateways", gatewayMemo.size());
    sizes.put("certificates", certificates.size());
    return sizes;
  }

  private TranslationResult translateAll(GatewayResources resources) {
    Set<Warning> warnings = new TreeSet<>();
    ProvenanceRules provenance = new ProvenanceRules(options.metadata(), warnings::add);
    ReferenceGrants grants = new ReferenceGrants(resources.referenceGrants());
    List<ObjectStatus> statuses = new ArrayList<>();

    ProxySettingsResolver settings =
        new ProxySettingsResolver(
            options.proxySettings(), resources.proxySettings(), warnings::add);
    Map<String, GatewayClass> ourClasses = new TreeMap<>();
    for (GatewayClass c : resources.gatewayClasses()) {
      if (options.controllerName().equals(c.controllerName())) {
        ourClasses.put(c.meta().name(), c);
        statuses.add(ObjectStatus.of(c.meta(), gatewayClassStatus(c, settings, warnings::add)));
      }
    }

    ListenerValidator validator =
        new ListenerValidator(resources, grants, options.secrets(), certificates);
    Map<ObjectRef, Gateway> gateways = new TreeMap<>();
    Map<ObjectRef, List<ListenerState>> listeners = new TreeMap<>();
    for (Gateway g : resources.gateways()) {
      if (ourClasses.containsKey(g.gatewayClassName())) {
        gateways.put(g.ref(), g);
        listeners.put(g.ref(), validator.validate(g));
      }
    }

    BackendResolver backends = new BackendResolver(resources, grants, serviceMemo);
    List<RoutePlan> plans = new ArrayList<>();
    resources
        .httpRoutes()
        .forEach(r -> plans.add(memo.plan(r, backends, planner(r), warnings::add)));
    resources
        .grpcRoutes()
        .forEach(r -> plans.add(memo.plan(r, backends, planner(r), warnings::add)));

    L4RoutePlanner l4Planner = new L4RoutePlanner(backends, provenance, warnings::add);
    resources.l4Routes().forEach(r -> plans.add(l4Planner.plan(r)));

    RouteAttacher attacher = new RouteAttacher(resources.namespaces());
    List<ParentOutcome> outcomes = new ArrayList<>();
    List<Attachment> allAttachments = new ArrayList<>();
    Map<ListenerState, Set<ObjectRef>> attachedRoutes = new IdentityHashMap<>();
    Set<ObjectRef> existingGateways = new TreeSet<>();
    resources.gateways().forEach(g -> existingGateways.add(g.ref()));
    for (RoutePlan plan : plans) {
      for (ParentRef ref : distinct(plan.parentRefs())) {
        Gateway gateway = ourGateway(ref, plan.route(), gateways);
        if (gateway == null) {
          missingGateway(ref, plan.route(), existingGateways).ifPresent(warnings::add);
          continue;
        }
        if (plan.allRulesDropped()) {
          outcomes.add(new ParentOutcome(plan, ref, null));
          continue;
        }
        RouteAttacher.Outcome outcome =
            attacher.attach(plan, ref, gateway, listeners.get(gateway.ref()));
        allAttachments.addAll(outcome.attachments());
        outcomes.add(new ParentOutcome(plan, ref, outcome));
      }
    }
    L4Arbiter.Result arbitrated = L4Arbiter.arbitrate(allAttachments);
    countAttachedRoutes(outcomes, arbitrated, attachedRoutes);
    Map<RoutePlan, List<StatusBody.RouteParentStatus>> parentsByPlan = new IdentityHashMap<>();
    for (ParentOutcome o : outcomes) {
      parentsByPlan
          .computeIfAbsent(o.plan(), p -> new ArrayList<>())
          .add(
              new StatusBody.RouteParentStatus(
                  statusRef(o.ref()), options.controllerName(), parentConditions(o, arbitrated)));
    }
    for (RoutePlan plan : plans) {
      List<StatusBody.RouteParentStatus> parents = parentsByPlan.get(plan);
      if (parents != null) {
        statuses.add(ObjectStatus.of(plan.route().meta(), new StatusBody.RouteStatus(parents)));
      }
    }
    Map<ObjectRef, List<Attachment>> attachmentsByGateway = new TreeMap<>();
    arbitrated
        .kept()
        .forEach(
            a ->
                attachmentsByGateway
                    .computeIfAbsent(a.listener().gateway().ref(), g -> new ArrayList<>())
                    .add(a));

    GatewayAssembler assembler =
        new GatewayAssembler(hostMemo, provenance, warnings::add, resources.secrets());
    List<IrGateway> irGateways = new ArrayList<>();
    for (Gateway g : gateways.values()) {
      List<Attachment> attachments = attachmentsByGateway.getOrDefault(g.ref(), List.of());
      Optional<String> parametersProblem = settings.gatewayProblem(g);
      parametersProblem.ifPresent(
          problem -> warnings.add(new Warning(g.ref(), problem + PROGRAMMED_ANYWAY)));
      irGateways.add(
          gatewayMemo.unchangedOr(
              assembler
                  .assemble(g, listeners.get(g.ref()), attachments)
                  .withSettings(settings.settings(g, ourClasses.get(g.gatewayClassName())))));
      statuses.add(
          ObjectStatus.of(
              g.meta(),
              gatewayStatus(g, listeners.get(g.ref()), attachedRoutes, parametersProblem)));
    }
    return new TranslationResult(new Ir(irGateways), statuses, List.copyOf(warnings));
  }

  /**
   * The fast path for a change of EndpointSlices only: statuses and warnings stay the previous
   * ones, and only the clusters of routes that read a changed slice are planned again and patched
   * into the previous IR. The memos are not rolled: they stay the latest translation's, with those
   * routes' new plans. Null when the change is of another kind, or when a route planned again would
   * differ in more than its clusters' endpoints (its rules, reference problems or warnings), which
   * the full translation then handles.
   */
  private TranslationResult endpointsOnly(GatewayResources resources) {
    if (!resources.l4Routes().isEmpty()) {
      return null; // L4 route plans are not remembered, so their readers cannot be found
    }
    Set<String> touched = EndpointSliceChanges.backendsTouched(lastResources, resources);
    if (touched == null) {
      return null;
    }
    BackendResolver backends =
        new BackendResolver(
            resources, new ReferenceGrants(resources.referenceGrants()), serviceMemo);
    Map<String, IrCluster> replaced = new HashMap<>();
    Map<IrCluster, IrCluster> replacedInstances = new IdentityHashMap<>();
    boolean onlyEndpoints = true;
    for (PlanMemo.Replanned r : memo.replanReading(touched, backends, this::planner)) {
      onlyEndpoints &= sameButEndpoints(r);
      if (onlyEndpoints) {
        for (int i = 0; i < r.before().clusters().size(); i++) {
          replaced.put(r.before().clusters().get(i).name(), r.after().clusters().get(i));
          replacedInstances.put(r.before().clusters().get(i), r.after().clusters().get(i));
        }
      }
    }
    if (!onlyEndpoints) {
      return null;
    }
    List<IrGateway> gateways = new ArrayList<>();
    for (IrGateway gateway : lastResult.ir().gateways()) {
      List<IrCluster> clusters = new ArrayList<>(gateway.clusters().size());
      boolean changed = false;
      for (IrCluster cluster : gateway.clusters()) {
        IrCluster after = replacedInstances.get(cluster);
        if (after == null && replaced.containsKey(cluster.name())) {
          // merged from several origins: the new endpoints with every origin's metadata
          IrCluster planned = replaced.get(cluster.name());
          after =
              new IrCluster(
                  cluster.name(),
                  planned.discovery(),
                  planned.protocol(),
                  planned.localities(),
                  cluster.metadata());
        }
        changed |= after != null && after != cluster;
        clusters.add(after == null ? cluster : after);
      }
      gateways.add(
          changed
              ? gatewayMemo.patched(
                  new IrGateway(
                      gateway.key(),
                      gateway.listeners(),
                      gateway.routeConfigs(),
                      clusters,
                      gateway.secrets(),
                      gateway.settings()))
              : gateway);
    }
    return new TranslationResult(new Ir(gateways), lastResult.statuses(), lastResult.warnings());
  }

  private BiFunction<Backends, ProvenanceRules, RoutePlan> planner(Route route) {
    if (route instanceof HttpRoute http) {
      return (b, p) -> new RoutePlanner(b, p, regexes).plan(http);
    }
    GrpcRoute grpc = (GrpcRoute) route;
    return (b, p) -> new RoutePlanner(b, p, regexes).plan(grpc);
  }

  /**
   * Whether a route planned again differs at most in its clusters' discovery, protocol and
   * localities.
   */
  private static boolean sameButEndpoints(PlanMemo.Replanned r) {
    RoutePlan before = r.before();
    RoutePlan after = r.after();
    if (!before.namePrefix().equals(after.namePrefix())
        || !before.rules().equals(after.rules())
        || !before.problems().equals(after.problems())
        || !before.droppedRules().equals(after.droppedRules())
        || !r.warningsBefore().equals(r.warningsAfter())
        || before.clusters().size() != after.clusters().size()) {
      return false;
    }
    for (int i = 0; i < before.clusters().size(); i++) {
      IrCluster x = before.clusters().get(i);
      IrCluster y = after.clusters().get(i);
      if (!x.name().equals(y.name()) || !x.metadata().equals(y.metadata())) {
        return false;
      }
    }
    return true;
  }

  /**
   * What attaching one parentRef of a route gave, before L4 arbitration; {@code outcome} is null
   * when every rule of the route was dropped, so it attaches nowhere.
   */
  private record ParentOutcome(RoutePlan plan, ParentRef ref, RouteAttacher.Outcome outcome) {}

  /**
   * A route counts on each listener it attached to, unless it lost that listener to an older L4
   * route.
   */
  private static void countAttachedRoutes(
      List<ParentOutcome> outcomes,
      L4Arbiter.Result arbitrated,
      Map<ListenerState, Set<ObjectRef>> attachedRoutes) {
    for (ParentOutcome o : outcomes) {
      if (o.outcome() == null) {
        continue;
      }
      for (ListenerState l : o.outcome().attachedTo()) {
        boolean lost =
            !arbitrated.lost().isEmpty()
                && arbitrated.lost().keySet().stream()
                    .anyMatch(a -> a.plan() == o.plan() && a.listener() == l);
        if (!lost) {
          // only counted: a hash set is enough
          attachedRoutes.computeIfAbsent(l, x -> new HashSet<>()).add(o.plan().route().ref());
        }
      }
    }
  }

  private static List<Condition> parentConditions(ParentOutcome o, L4Arbiter.Result arbitrated) {
    RoutePlan plan = o.plan();
    long generation = plan.route().meta().generation();
    Condition resolvedRefs = resolvedRefs(plan.problems(), generation);
    if (o.outcome() == null) {
      return List.of(
          Condition.isFalse(
              Reasons.ACCEPTED, Reasons.UNSUPPORTED_VALUE, droppedMessage(plan), generation),
          resolvedRefs);
    }
    List<Condition> conditions =
        new ArrayList<>(List.of(arbitrated.accepted(o.outcome(), generation), resolvedRefs));
    if (!plan.droppedRules().isEmpty()) {
      conditions.add(
          Condition.isTrue(
              Reasons.PARTIALLY_INVALID,
              Reasons.UNSUPPORTED_VALUE,
              droppedMessage(plan),
              generation));
    }
    return conditions;
  }

  private static List<ParentRef> distinct(List<ParentRef> refs) {
    return List.copyOf(new LinkedHashSet<>(refs));
  }

  private static Gateway ourGateway(ParentRef ref, Route route, Map<ObjectRef, Gateway> gateways) {
    if (!RouteAttacher.namesGateway(ref)) {
      return null;
    }
    return gateways.get(
        new ObjectRef("Gateway", ref.namespaceOr(route.meta().namespace()), ref.name()));
  }

  /**
   * A warning when {@code ref} names a Gateway that is not in the input at all (one of another
   * controller is not missing: it is not ours to report). No status can say it: only the Gateway's
   * controller writes a route's parent entry.
   */
  private static Optional<Warning> missingGateway(
      ParentRef ref, Route route, Set<ObjectRef> existingGateways) {
    if (!RouteAttacher.namesGateway(ref)) {
      return Optional.empty();
    }
    ObjectRef named =
        new ObjectRef("Gateway", ref.namespaceOr(route.meta().namespace()), ref.name());
    if (existingGateways.contains(named)) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning(
            route.meta().ref(),
            "parentRef names Gateway "
                + named.namespace()
                + "/"
                + named.name()
                + ", which does not exist; the route is not attached to it"));
  }

  /** The Gateway API asks the message of dropped rules to start with "Dropped Rule". */
  private static String droppedMessage(RoutePlan plan) {
    return "Dropped Rule(s): " + String.join("; ", plan.droppedRules());
  }

  private static Condition resolvedRefs(List<RoutePlan.Problem> problems, long generation) {
    if (problems.isEmpty()) {
      return Condition.isTrue(
          Reasons.RESOLVED_REFS, Reasons.RESOLVED_REFS, "All references resolved", generation);
    }
    String message =
        problems.stream().map(RoutePlan.Problem::message).collect(Collectors.joining("; "));
    return Condition.isFalse(Reasons.RESOLVED_REFS, problems.get(0).reason(), message, generation);
  }

  private static StatusBody.ParentReference statusRef(ParentRef ref) {
    return new StatusBody.ParentReference(
        ref.group(),
        ref.kind(),
        ref.namespace().orElse(null),
        ref.name(),
        ref.sectionName().orElse(null),
        ref.port().isPresent() ? ref.port().getAsInt() : null);
  }

  private static final String PROGRAMMED_ANYWAY =
      "; the Gateway is programmed with the settings of the other levels";

  private StatusBody.GatewayClassStatus gatewayClassStatus(
      GatewayClass c, ProxySettingsResolver settings, Consumer<Warning> warnings) {
    long generation = c.meta().generation();
    Optional<String> problem = settings.classProblem(c);
    problem.ifPresent(p -> warnings.accept(new Warning(c.ref(), p + PROGRAMMED_ANYWAY)));
    return new StatusBody.GatewayClassStatus(
        List.of(
            problem
                .map(
                    p ->
                        Condition.isFalse(
                            Reasons.ACCEPTED,
                            Reasons.INVALID_PARAMETERS,
                            p + PROGRAMMED_ANYWAY,
                            generation))
                .orElseGet(
                    () ->
                        Condition.isTrue(
                            Reasons.ACCEPTED,
                            Reasons.ACCEPTED,
                            "GatewayClass is accepted by " + options.controllerName(),
                            generation))));
  }

  private static StatusBody.GatewayStatus gatewayStatus(
      Gateway g,
      List<ListenerState> listeners,
      Map<ListenerState, Set<ObjectRef>> attached,
      Optional<String> parametersProblem) {
    long generation = g.meta().generation();
    List<StatusBody.ListenerStatus> listenerStatuses = new ArrayList<>();
    boolean allValid = true;
    boolean anyProgrammed = false;
    boolean anyWithheld = false;
    for (ListenerState l : listeners) {
      allValid &= l.valid();
      anyProgrammed |= l.programmable();
      anyWithheld |= l.valid() && !l.programmable();
      int count = attached.getOrDefault(l, Set.of()).size();
      listenerStatuses.add(
          new StatusBody.ListenerStatus(
              l.listener().name(), count, l.supportedKinds(), l.conditions()));
    }
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        parametersProblem.isPresent()
            ? Condition.isFalse(
                Reasons.ACCEPTED,
                Reasons.INVALID_PARAMETERS,
                parametersProblem.get() + PROGRAMMED_ANYWAY,
                generation)
            : allValid
                ? Condition.isTrue(
                    Reasons.ACCEPTED, Reasons.ACCEPTED, "Gateway is accepted", generation)
                : Condition.isTrue(
                    Reasons.ACCEPTED,
                    Reasons.LISTENERS_NOT_VALID,
                    "Some listeners are not valid",
                    generation));
    if (anyProgrammed) {
      conditions.add(
          Condition.isTrue(
              Reasons.PROGRAMMED, Reasons.PROGRAMMED, "Gateway is programmed", generation));
    } else if (allValid && anyWithheld) {
      conditions.add(
          Condition.isFalse(
              Reasons.PROGRAMMED,
              Reasons.PENDING,
              "No listener is programmed yet: the xDS server does not serve their certificates",
              generation));
    } else {
      conditions.add(
          Condition.isFalse(
              Reasons.PROGRAMMED, Reasons.INVALID, "No listener can be programmed", generation));
    }
    return new StatusBody.GatewayStatus(conditions, listenerStatuses);
  }
}
