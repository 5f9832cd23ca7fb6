package io.gatewire.domain.translate;

import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.StatusBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validates the listeners of one Gateway: protocol, route kinds, conflicts between listeners on one
 * port, and certificate references (HTTPS, and TLS unless its mode is Passthrough): each must name
 * a Secret the listener may read whose {@code tls.crt} and {@code tls.key} the proxy serves ({@link
 * CertificateRules}); a listener serves the certificates that pass and is invalid only when none
 * does. Every Gateway API protocol is programmed; an unknown one is reported as not supported. A
 * valid listener that needs a certificate is not programmed while Secrets are withheld ({@link
 * SecretDelivery}): {@code Programmed=False} with reason {@code Pending}, as it is valid and waits
 * for a server that may serve its keys.
 *
 * <p>Slightly over the usual size: the per-listener checks and the per-port conflict checks build
 * the same listener conditions, which read best side by side.
 */
final class ListenerValidator {
  /** The route kinds Gatewire supports per protocol, in the order supportedKinds lists them. */
  private static final Map<ListenerProtocol, List<String>> KINDS_BY_PROTOCOL =
      Map.of(
          ListenerProtocol.HTTP, List.of("HTTPRoute", "GRPCRoute"),
          ListenerProtocol.HTTPS, List.of("HTTPRoute", "GRPCRoute"),
          ListenerProtocol.TLS, List.of("TLSRoute"),
          ListenerProtocol.TCP, List.of("TCPRoute"),
          ListenerProtocol.UDP, List.of("UDPRoute"));

  private final Map<ObjectRef, Secret> secrets;
  private final ReferenceGrants grants;
  private final SecretDelivery secretDelivery;
  private final CertificateMemo certificates;

  ListenerValidator(
      GatewayResources resources,
      ReferenceGrants grants,
      SecretDelivery secretDelivery,
      CertificateMemo certificates) {
    this.secrets =
        resources.secrets().stream().collect(Collectors.toMap(Secret::ref, Function.identity()));
    this.grants = grants;
    this.secretDelivery = secretDelivery;
    this.certificates = certificates;
  }

  List<ListenerState> validate(Gateway gateway) {
    long generation = gateway.meta().generation();
    List<ListenerState> states = new ArrayList<>();
    for (Listener listener : gateway.listeners()) {
      List<Condition> conditions = new ArrayList<>();
      List<StatusBody.Kind> kinds = new ArrayList<>();
      List<String> invalidKinds = new ArrayList<>();
      List<String> protocolKinds = KINDS_BY_PROTOCOL.getOrDefault(listener.protocol(), List.of());
      if (listener.allowedRoutes().kinds().isEmpty()) {
        protocolKinds.forEach(k -> kinds.add(new StatusBody.Kind(GatewayApi.GROUP, k)));
      } else {
        for (AllowedRoutes.RouteGroupKind k : listener.allowedRoutes().kinds()) {
          if (GatewayApi.GROUP.equals(k.group()) && protocolKinds.contains(k.kind())) {
            kinds.add(new StatusBody.Kind(GatewayApi.GROUP, k.kind()));
          } else {
            invalidKinds.add(k.kind());
          }
        }
      }
      boolean supportedProtocol = KINDS_BY_PROTOCOL.containsKey(listener.protocol());
      String conflict = conflict(gateway, listener);
      Certificates certs = checkCertificates(gateway, listener);

      if (!supportedProtocol) {
        conditions.add(
            Condition.isFalse(
                Reasons.ACCEPTED,
                Reasons.UNSUPPORTED_PROTOCOL,
                "protocol " + listener.protocol() + " is not supported by Gatewire yet",
                generation));
      } else {
        conditions.add(
            Condition.isTrue(
                Reasons.ACCEPTED, Reasons.ACCEPTED, "Listener is accepted", generation));
      }
      if (conflict != null) {
        conditions.add(
            Condition.isTrue(
                Reasons.CONFLICTED,
                conflict,
                "Listener conflicts with another listener on port " + listener.port(),
                generation));
      } else {
        conditions.add(
            Condition.isFalse(
                Reasons.CONFLICTED, Reasons.NO_CONFLICTS, "No conflicts", generation));
      }
      if (!invalidKinds.isEmpty()) {
        conditions.add(
            Condition.isFalse(
                Reasons.RESOLVED_REFS,
                Reasons.INVALID_ROUTE_KINDS,
                "route kinds not supported on this listener: " + String.join(", ", invalidKinds),
                generation));
      } else if (certs.problem() != null) {
        conditions.add(
            Condition.isFalse(Reasons.RESOLVED_REFS, certs.reason(), certs.problem(), generation));
      } else {
        conditions.add(
            Condition.isTrue(
                Reasons.RESOLVED_REFS,
                Reasons.RESOLVED_REFS,
                "All references resolved",
                generation));
      }
      boolean valid = supportedProtocol && conflict == null && certs.usable();
      // a valid listener whose certificates the server may not hand out waits for a server that may
      boolean withheld = valid && !certs.secretNames().isEmpty() && !secretDelivery.served();
      boolean programmable = valid && !withheld;
      if (programmable) {
        conditions.add(
            Condition.isTrue(
                Reasons.PROGRAMMED, Reasons.PROGRAMMED, "Listener is programmed", generation));
      } else if (withheld) {
        conditions.add(
            Condition.isFalse(
                Reasons.PROGRAMMED,
                Reasons.PENDING,
                "Listener is not programmed: its"
                    + " certificate Secret "
                    + String.join(", ", certs.secretNames())
                    + " is not served: "
                    + secretDelivery.withheldBecause(),
                generation));
      } else {
        conditions.add(
            Condition.isFalse(
                Reasons.PROGRAMMED, Reasons.INVALID, "Listener is not programmed", generation));
      }
      states.add(
          new ListenerState(
              gateway, listener, valid, programmable, kinds, conditions, certs.secretNames()));
    }
    return states;
  }

  /**
   * The Conflicted reason for a listener sharing its port with an incompatible one, or null: the
   * Gateway API's "distinct listeners" (HTTP, HTTPS and TLS by port and hostname, TCP and UDP by
   * port; every listener on a TCP listener's port conflicts with it).
   */
  private static String conflict(Gateway gateway, Listener listener) {
    boolean udp = listener.protocol() == ListenerProtocol.UDP;
    boolean portOnly = udp || listener.protocol() == ListenerProtocol.TCP;
    for (Listener other : gateway.listeners()) {
      // A UDP socket and a TCP one share a port number without sharing traffic: such listeners are
      // distinct.
      if (other == listener
          || other.port() != listener.port()
          || (other.protocol() == ListenerProtocol.UDP) != udp) {
        continue;
      }
      if (other.protocol() != listener.protocol()) {
        return Reasons.PROTOCOL_CONFLICT;
      }
      // TCP and UDP listeners are told apart by port alone: a hostname does not make them distinct.
      if (portOnly || Objects.equals(other.hostname(), listener.hostname())) {
        return Reasons.HOSTNAME_CONFLICT;
      }
    }
    return null;
  }

  /**
   * What a listener's certificateRefs resolved to: the SDS names of the Secrets it serves, and for
   * the refs it cannot serve the reason of the first and a message naming each (both null when
   * every ref resolved). A listener serves the certificates that resolved, so one bad ref among
   * good ones leaves the listener programmed, its {@code ResolvedRefs} condition false.
   */
  private record Certificates(List<String> secretNames, String reason, String problem) {
    static final Certificates NONE = new Certificates(List.of(), null, null);

    static Certificates invalid(String problem) {
      return new Certificates(List.of(), Reasons.INVALID_CERTIFICATE_REF, problem);
    }

    /** Whether the listener can serve TLS: no ref is wrong, or some ref is right. */
    boolean usable() {
      return problem == null || !secretNames.isEmpty();
    }
  }

  /** One certificateRef that is not served, and why. */
  private record RefProblem(String reason, String message) {}

  private Certificates checkCertificates(Gateway gateway, Listener listener) {
    boolean tlsListener = listener.protocol() == ListenerProtocol.TLS;
    if (listener.protocol() != ListenerProtocol.HTTPS && !tlsListener) {
      return Certificates.NONE;
    }
    boolean passthrough = listener.tls().map(t -> "Passthrough".equals(t.mode())).orElse(false);
    if (passthrough) {
      return tlsListener
          ? Certificates.NONE
          : Certificates.invalid("HTTPS listener cannot use TLS mode Passthrough");
    }
    if (listener.tls().isEmpty() || listener.tls().get().certificateRefs().isEmpty()) {
      return Certificates.invalid(
          listener.protocol()
              + " listener has no certificateRefs"
              + (tlsListener ? " and its TLS mode is not Passthrough" : ""));
    }
    List<String> names = new ArrayList<>();
    List<RefProblem> problems = new ArrayList<>();
    for (ListenerTls.SecretRef ref : listener.tls().get().certificateRefs()) {
      RefProblem problem = problem(gateway.meta().namespace(), ref);
      if (problem == null) {
        names.add(secretName(gateway.meta().namespace(), ref));
      } else {
        problems.add(problem);
      }
    }
    if (problems.isEmpty()) {
      return new Certificates(names, null, null);
    }
    String message = problems.stream().map(RefProblem::message).collect(Collectors.joining("; "));
    if (!names.isEmpty()) {
      message +=
          "; the listener serves its other certificate"
              + (names.size() == 1 ? " " : "s ")
              + String.join(", ", names);
    }
    return new Certificates(names, problems.get(0).reason(), message);
  }

  private static String secretName(String gatewayNamespace, ListenerTls.SecretRef ref) {
    String namespace =
        ref.namespace() == null || ref.namespace().isEmpty() ? gatewayNamespace : ref.namespace();
    return namespace + "/" + ref.name();
  }

  /** Why a certificateRef is not served, or null when it is. */
  private RefProblem problem(String gatewayNamespace, ListenerTls.SecretRef ref) {
    String group = ref.group() == null ? "" : ref.group();
    String kind = ref.kind() == null ? "Secret" : ref.kind();
    if (!group.isEmpty() || !"Secret".equals(kind)) {
      return new RefProblem(
          Reasons.INVALID_CERTIFICATE_REF,
          "certificateRef "
              + (group.isEmpty() ? "kind " + kind : group + "/" + kind)
              + " "
              + ref.name()
              + " is not supported: only core Secrets are");
    }
    String name = secretName(gatewayNamespace, ref);
    String namespace = name.substring(0, name.indexOf('/'));
    if (!namespace.equals(gatewayNamespace)
        && !grants.permits(
            GatewayApi.GROUP, "Gateway", gatewayNamespace, "", "Secret", namespace, ref.name())) {
      return new RefProblem(
          Reasons.REF_NOT_PERMITTED,
          "certificateRef Secret " + name + " is not permitted by any ReferenceGrant");
    }
    Secret secret = secrets.get(new ObjectRef("Secret", namespace, ref.name()));
    if (secret == null) {
      return new RefProblem(
          Reasons.INVALID_CERTIFICATE_REF, "certificateRef Secret " + name + " not found");
    }
    if (!secret.data().containsKey("tls.crt") || !secret.data().containsKey("tls.key")) {
      return new RefProblem(
          Reasons.INVALID_CERTIFICATE_REF,
          "certificateRef Secret " + name + " has no tls.crt and tls.key");
    }
    return certificates
        .problem(secret)
        .map(
            p ->
                new RefProblem(
                    Reasons.INVALID_CERTIFICATE_REF, "certificateRef Secret " + name + ": " + p))
        .orElse(null);
  }
}
