package io.gatewire.domain.translate;

import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.Reasons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which routes a TLS, TCP or UDP port forwards to when several attach to it. Envoy can only
 * hand a TCP connection or a UDP session to one place, and can only match an SNI name to one filter
 * chain, so the oldest route (creationTimestamp, then {@code namespace/name}, the Gateway API's tie
 * break) wins: a TCP or UDP port keeps one route, a TLS port gives each server name to one route
 * (through the most specific Gateway listener). A route left with nothing on a parent is not
 * accepted there ({@code UnsupportedValue}, naming the winner); HTTP attachments pass untouched.
 */
final class L4Arbiter {

  /**
   * The attachments that reach Envoy (TLS ones narrowed to the names they won) and why the others
   * lost. A route that reaches a port twice (two parentRefs) competes with itself once: its second
   * attachment is neither kept nor lost.
   */
  record Result(List<Attachment> kept, Map<Attachment, String> lost) {
    /**
     * Why each of {@code attachments} lost (null for one that did not); empty when none did here.
     */
    List<String> lostOf(List<Attachment> attachments) {
      if (lost.isEmpty()) {
        return List.of();
      }
      List<String> why = new ArrayList<>(attachments.size());
      attachments.forEach(a -> why.add(lost.get(a)));
      return why;
    }

    /**
     * The Accepted condition of a parentRef: unchanged unless every one of its attachments lost.
     */
    Condition accepted(RouteAttacher.Outcome outcome, long generation) {
      if (outcome.attachments().isEmpty()
          || !outcome.attachments().stream().allMatch(lost::containsKey)) {
        return outcome.accepted();
      }
      return Condition.isFalse(
          Reasons.ACCEPTED,
          Reasons.UNSUPPORTED_VALUE,
          lost.get(outcome.attachments().get(0)),
          generation);
    }
  }

  private static final Comparator<Attachment> OLDEST_ROUTE_FIRST =
      Comparator.comparing(
              (Attachment a) -> a.plan().route().meta().creationTimestamp().getEpochSecond())
          .thenComparing(a -> namespacedName(a.plan().route().meta()))
          .thenComparing(a -> -Hostnames.specificity(a.listener().listener().hostname()))
          .thenComparing(a -> a.listener().listener().name());

  private L4Arbiter() {}

  static Result arbitrate(List<Attachment> attachments) {
    Map<String, List<Attachment>> byPort = new TreeMap<>();
    List<Attachment> kept = new ArrayList<>();
    for (Attachment a : attachments) {
      ListenerProtocol protocol = a.listener().listener().protocol();
      if (protocol == ListenerProtocol.TLS
          || protocol == ListenerProtocol.TCP
          || protocol == ListenerProtocol.UDP) {
        byPort
            .computeIfAbsent(
                L4ListenerAssembler.envoyListenerName(
                    a.listener().gateway(), a.listener().listener()),
                p -> new ArrayList<>())
            .add(a);
      } else {
        kept.add(a);
      }
    }
    Map<Attachment, String> lost = new IdentityHashMap<>();
    for (List<Attachment> onPort : byPort.values()) {
      onPort.sort(OLDEST_ROUTE_FIRST);
      if (onPort.get(0).listener().listener().protocol() == ListenerProtocol.TLS) {
        byServerName(onPort, kept, lost);
      } else {
        Attachment winner = onPort.get(0);
        kept.add(winner);
        onPort.stream()
            .filter(a -> a.plan() != winner.plan())
            .forEach(
                a ->
                    lost.put(
                        a,
                        describe(a)
                            + " already forwards to "
                            + route(winner)
                            + ", the oldest route: a "
                            + protocolName(a)
                            + " listener forwards to one route"));
      }
    }
    return new Result(kept, lost);
  }

  private static void byServerName(
      List<Attachment> onPort, List<Attachment> kept, Map<Attachment, String> lost) {
    Map<String, Attachment> owners = new TreeMap<>();
    for (Attachment a : onPort) {
      List<String> won = new ArrayList<>();
      Attachment firstOwner = null;
      for (String name : a.hostnames()) {
        Attachment owner = owners.putIfAbsent(name, a);
        if (owner == null) {
          won.add(name);
        } else if (firstOwner == null && owner.plan() != a.plan()) {
          firstOwner = owner;
        }
      }
      if (won.isEmpty() && firstOwner != null) {
        lost.put(
            a,
            describe(a)
                + " already sends server name "
                + a.hostnames().get(0)
                + " to "
                + route(firstOwner)
                + ", the oldest route: a server name goes to one route");
      } else if (!won.isEmpty()) {
        kept.add(
            won.size() == a.hostnames().size() ? a : new Attachment(a.plan(), a.listener(), won));
      }
    }
  }

  private static String describe(Attachment a) {
    return protocolName(a)
        + " listener "
        + a.listener().listener().name()
        + " of Gateway "
        + a.listener().gateway().ref().namespacedName();
  }

  private static String protocolName(Attachment a) {
    return a.listener().listener().protocol().name().toUpperCase(Locale.ROOT);
  }

  private static String route(Attachment a) {
    return a.plan().kind() + " " + namespacedName(a.plan().route().meta());
  }

  private static String namespacedName(ObjectMeta meta) {
    return meta.namespace() + "/" + meta.name();
  }
}
