package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.secret.v3.SecretDiscoveryServiceGrpc;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * No Secret on a stream whose transport is not authenticated ({@link PeerIdentity}): a request for
 * Secrets there (of the type on ADS, or any on the secret discovery service) ends the stream with
 * {@code PERMISSION_DENIED}, and so would a response that carries a Secret. Installed unless the
 * operator allowed insecure Secrets. The translator already leaves Secrets out when the server runs
 * without mutual TLS; this is the last check before the wire, whatever the snapshot holds.
 */
final class SecretGuard implements ServerInterceptor {
  static final String REFUSAL =
      "Secrets are served only on a mutual-TLS-authenticated stream, and this stream"
          + " has no verified client certificate";

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (PeerIdentity.of(call).authenticated()) {
      return next.startCall(call, headers);
    }
    boolean secretService =
        SecretDiscoveryServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName());
    RefusableCall<Q, R> guarded =
        new RefusableCall<>(call) {
          @Override
          public void sendMessage(R message) {
            if (carriesSecrets(message)) {
              refuse(Status.PERMISSION_DENIED.withDescription(REFUSAL));
              return;
            }
            super.sendMessage(message);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(guarded, headers)) {
      @Override
      public void onMessage(Q message) {
        if (guarded.refused()) {
          return;
        }
        if (secretService || asksForSecrets(message)) {
          guarded.refuse(Status.PERMISSION_DENIED.withDescription(REFUSAL));
          return;
        }
        super.onMessage(message);
      }
    };
  }

  private static boolean asksForSecrets(Object message) {
    return message instanceof DiscoveryRequest request
            && Resources.V3.SECRET_TYPE_URL.equals(request.getTypeUrl())
        || message instanceof DeltaDiscoveryRequest delta
            && Resources.V3.SECRET_TYPE_URL.equals(delta.getTypeUrl());
  }

  private static boolean carriesSecrets(Object message) {
    return message instanceof DiscoveryResponse response
            && response.getResourcesCount() > 0
            && Resources.V3.SECRET_TYPE_URL.equals(response.getTypeUrl())
        || message instanceof DeltaDiscoveryResponse delta
            && delta.getResourcesCount() > 0
            && Resources.V3.SECRET_TYPE_URL.equals(delta.getTypeUrl());
  }
}
