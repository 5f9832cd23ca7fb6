package io.gatewire.adapters.xds.serve;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Gives every request of a stream the node of its first request. xDS lets a client send the node
 * only once per stream (Envoy's {@code set_node_on_first_message_only}), but java-control-plane
 * picks the node group from each request's own node, so without this such a client would fall into
 * the group of the empty node on its second request.
 */
final class NodeCarryOver implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private Node node;

      @Override
      public void onMessage(Q message) {
        super.onMessage(withNode(message));
      }

      @SuppressWarnings("unchecked")
      private Q withNode(Q message) {
        if (message instanceof DiscoveryRequest request) {
          return (Q)
              (carry(request.hasNode(), request.getNode())
                  ? request
                  : request.toBuilder().setNode(node).build());
        }
        if (message instanceof DeltaDiscoveryRequest request) {
          return (Q)
              (carry(request.hasNode(), request.getNode())
                  ? request
                  : request.toBuilder().setNode(node).build());
        }
        return message;
      }

      /** Remembers the stream's first node; true when the request can go on as it is. */
      private boolean carry(boolean hasNode, Node requestNode) {
        if (node == null && hasNode) {
          node = requestNode;
        }
        return hasNode || node == null;
      }
    };
  }
}
