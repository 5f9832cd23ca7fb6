package io.gatewire.adapters.xds.serve;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * {@code --xds-authorize-by-san}: a request is served only when the client certificate names the
 * Gateway whose snapshot the node asks for (its {@code cluster}, {@code <namespace>/<name>}); any
 * other request ends the stream with {@code PERMISSION_DENIED} naming the node's cluster and the
 * names the certificate carries. A certificate names Gateway {@code <namespace>/<name>} with
 *
 * <ul>
 *   <li>a URI SAN that is exactly {@code <namespace>/<name>}, or ends with {@code
 *       /ns/<namespace>/gateway/<name>} (SPIFFE style: {@code
 *       spiffe://<trust-domain>/ns/infra/gateway/eg});
 *   <li>a DNS SAN {@code <name>.<namespace>} (compared ignoring case; a namespace holds no dot, so
 *       the last dot splits it off).
 * </ul>
 *
 * Every request is checked, so a stream cannot switch to another Gateway halfway; the node is the
 * one {@link NodeCarryOver} put on each request.
 */
final class SanAuthorization implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    PeerIdentity peer = PeerIdentity.of(call);
    RefusableCall<Q, R> refusable = new RefusableCall<>(call);
    return new SimpleForwardingServerCallListener<>(next.startCall(refusable, headers)) {
      @Override
      public void onMessage(Q message) {
        if (refusable.refused()) {
          return;
        }
        Node node =
            message instanceof DiscoveryRequest request
                ? request.getNode()
                : message instanceof DeltaDiscoveryRequest delta ? delta.getNode() : null;
        if (node != null && !authorizes(peer, node.getCluster())) {
          refusable.refuse(
              Status.PERMISSION_DENIED.withDescription(
                  "node cluster '"
                      + node.getCluster()
                      + "' is not a Gateway the client certificate names ("
                      + peer.describeSans()
                      + "; --xds-authorize-by-san wants a URI SAN <namespace>/<name> or .../ns/<namespace>/gateway/<name>,"
                      + " or a DNS SAN <name>.<namespace>)"));
          return;
        }
        super.onMessage(message);
      }
    };
  }

  /**
   * Whether {@code peer}'s verified certificate names the Gateway {@code gatewayKey} ({@code
   * namespace/name}).
   */
  static boolean authorizes(PeerIdentity peer, String gatewayKey) {
    int slash = gatewayKey.indexOf('/');
    if (!peer.authenticated()
        || slash <= 0
        || slash == gatewayKey.length() - 1
        || gatewayKey.indexOf('/', slash + 1) >= 0) {
      return false;
    }
    String namespace = gatewayKey.substring(0, slash);
    String name = gatewayKey.substring(slash + 1);
    String spiffeSuffix = "/ns/" + namespace + "/gateway/" + name;
    return peer.uriSans().stream()
            .anyMatch(uri -> uri.equals(gatewayKey) || uri.endsWith(spiffeSuffix))
        || peer.dnsSans().stream().anyMatch(dns -> dns.equalsIgnoreCase(name + "." + namespace));
  }
}
