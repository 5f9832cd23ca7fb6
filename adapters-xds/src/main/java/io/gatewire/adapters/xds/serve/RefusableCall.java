package io.gatewire.adapters.xds.serve;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * A call an interceptor can end with a status while the discovery server still holds it: after
 * {@link #refuse}, whatever the server sends or closes is dropped, so nothing leaves after the
 * refusal and the call is closed once. Sending and refusing share one lock, as they come from
 * different threads.
 */
class RefusableCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
  private boolean refused;

  RefusableCall(ServerCall<Q, R> call) {
    super(call);
  }

  synchronized void refuse(Status status) {
    if (!refused) {
      refused = true;
      super.close(status, new Metadata());
    }
  }

  synchronized boolean refused() {
    return refused;
  }

  @Override
  public synchronized void sendMessage(R message) {
    if (!refused) {
      super.sendMessage(message);
    }
  }

  @Override
  public synchronized void close(Status status, Metadata trailers) {
    if (!refused) {
      refused = true;
      super.close(status, trailers);
    }
  }
}
