package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ObjectMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Envoy listener of one TLS, TCP or UDP port of a Gateway, from the routes {@link L4Arbiter}
 * kept. TLS and TCP get one filter chain per (Gateway listener, route), named {@code <listener
 * name>/<route kind, lower case>/<namespace>/<name>}: TLS chains select by the SNI names the route
 * won ({@code *} selects any name, so it adds none), terminate TLS with the listener's certificates
 * unless its mode is Passthrough; TCP chains take every connection. UDP sends to the cluster of its
 * one route (with one proxy chain, named alike, saying which listener and route). A port without
 * any route gets no Envoy listener: Envoy rejects a TCP listener without filter chains, and there
 * would be nowhere to forward to.
 */
final class L4ListenerAssembler {
  private static final String PASSTHROUGH = "Passthrough";

  private L4ListenerAssembler() {}

  /**
   * The Envoy listener a Gateway listener belongs to: {@code <namespace>/<gateway>/<port>}, shared
   * by every listener of the Gateway on that port, and {@code <namespace>/<gateway>/<port>/udp} for
   * UDP, whose socket can share the port number with a TCP one.
   */
  static String envoyListenerName(Gateway gateway, Listener listener) {
    String name = gateway.meta().namespace() + "/" + gateway.meta().name() + "/" + listener.port();
    return listener.protocol() == ListenerProtocol.UDP ? name + "/udp" : name;
  }

  static Optional<IrListener> listener(
      String name,
      String address,
      int port,
      List<ListenerState> onPort,
      List<Attachment> attachments) {
    List<Attachment> here =
        attachments.stream()
            .filter(a -> onPort.contains(a.listener()) && !a.plan().clusters().isEmpty())
            .toList();
    if (here.isEmpty()) {
      return Optional.empty();
    }
    if (onPort.get(0).listener().protocol() == ListenerProtocol.UDP) {
      Attachment a = here.get(0);
      IrProxyChain forwarding =
          new IrProxyChain(
              chainName(a),
              List.of(),
              List.of(),
              cluster(a),
              1,
              0,
              a.listener().listener().name(),
              origin(a));
      return Optional.of(
          new IrListener(name, address, port, null, List.of(), List.of(forwarding), cluster(a)));
    }
    List<IrProxyChain> chains = new ArrayList<>();
    for (Attachment a : here) {
      Listener listener = a.listener().listener();
      String chainName = chainName(a);
      List<String> serverNames = List.of();
      List<String> secretNames = List.of();
      if (listener.protocol() == ListenerProtocol.TLS) {
        serverNames = a.hostnames().stream().filter(h -> !Hostnames.ANY.equals(h)).toList();
        boolean passthrough = listener.tls().map(t -> PASSTHROUGH.equals(t.mode())).orElse(false);
        secretNames = passthrough ? List.of() : a.listener().certificateSecrets();
      }
      IrAction.Forward forward = (IrAction.Forward) a.plan().rules().get(0).action();
      chains.add(
          new IrProxyChain(
              chainName,
              serverNames,
              secretNames,
              forward.cluster(),
              forward.backendWeight(),
              forward.invalidWeight(),
              listener.name(),
              origin(a)));
    }
    chains.sort(Comparator.comparing(IrProxyChain::name));
    return Optional.of(new IrListener(name, address, port, null, List.of(), chains, null));
  }

  /** {@code <listener name>/<route kind, lower case>/<namespace>/<name>}. */
  private static String chainName(Attachment a) {
    ObjectMeta route = a.plan().route().meta();
    return a.listener().listener().name()
        + "/"
        + a.plan().namePrefix()
        + "/"
        + route.namespace()
        + "/"
        + route.name();
  }

  /** The route rule's provenance entry, as its cluster carries it. */
  private static ResourceOrigin origin(Attachment a) {
    ResourceMetadata metadata = a.plan().clusters().get(0).metadata();
    return metadata.isEmpty() ? null : metadata.resources().get(0);
  }

  private static String cluster(Attachment a) {
    return a.plan().clusters().get(0).name();
  }
}
