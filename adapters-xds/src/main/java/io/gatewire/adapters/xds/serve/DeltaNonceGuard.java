package io.gatewire.adapters.xds.serve;

import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps delta streams alive when a client acknowledges a nonce the server no longer holds (for
 * example an ACK after a NACK of the same nonce). java-control-plane's delta observer forgets a
 * nonce when a request answers it, and dereferences the forgotten response on the next ACK of it: a
 * NullPointerException that ends the stream. Such an ACK acknowledges nothing: alone it is dropped
 * (so it does not replace a watch parked after a NACK either); with subscription changes it goes on
 * without its nonce.
 */
final class DeltaNonceGuard implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Set<String> outstanding = ConcurrentHashMap.newKeySet();
    ServerCall<Q, R> recording =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            if (message instanceof DeltaDiscoveryResponse response) {
              outstanding.add(response.getNonce());
            }
            super.sendMessage(message);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(recording, headers)) {
      @Override
      @SuppressWarnings("unchecked")
      public void onMessage(Q message) {
        if (!(message instanceof DeltaDiscoveryRequest request)
            || !acknowledgesForgottenNonce(request)) {
          super.onMessage(message);
        } else if (request.getResourceNamesSubscribeCount() > 0
            || request.getResourceNamesUnsubscribeCount() > 0) {
          super.onMessage((Q) request.toBuilder().clearResponseNonce().build());
        } else {
          // The library's listener asks for the next message after each one it gets; this one it
          // never got.
          call.request(1);
        }
      }

      private boolean acknowledgesForgottenNonce(DeltaDiscoveryRequest request) {
        String nonce = request.getResponseNonce();
        return !nonce.isEmpty() && !outstanding.remove(nonce) && !request.hasErrorDetail();
      }
    };
  }
}
