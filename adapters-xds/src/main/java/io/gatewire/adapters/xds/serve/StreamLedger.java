package io.gatewire.adapters.xds.serve;

import com.google.common.collect.MapMaker;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every xDS stream through java-control-plane's callbacks: counts the open ones, remembers
 * the nonce and version of the latest response per type, and turns a request whose error_detail
 * answers that nonce into a {@link Nack}. The NACK goes to the reporter once, and is held for
 * {@link NackSuppressingWatcher}: right after these callbacks, on the same thread and with the same
 * request instance, the library asks the watcher for the next watch. A NACK of an older nonce is
 * left alone, as the library ignores it too.
 *
 * <p>At debug, {@link #TRACE} logs every delta request and response (type, names, nonce): the
 * timeline of a change through the xDS streams.
 */
final class StreamLedger implements DiscoveryServerCallbacks {
  static final Logger TRACE = LoggerFactory.getLogger("io.gatewire.xds.delta");
  private final ConcurrentMap<Long, StreamState> streams = new ConcurrentHashMap<>();

  /** Request instance (compared by identity, weakly held) to the NACK it carries. */
  private final ConcurrentMap<Message, Nack> nacksByRequest = new MapMaker().weakKeys().makeMap();

  private final Consumer<Nack> reporter;

  StreamLedger(Consumer<Nack> reporter) {
    this.reporter = reporter;
  }

  int openStreams() {
    return streams.size();
  }

  /** The NACK that {@code request} carries, once; null for any other request. */
  Nack takeNack(Message request) {
    return nacksByRequest.remove(request);
  }

  @Override
  public void onStreamOpen(long streamId, String typeUrl) {
    streams.put(streamId, new StreamState(typeUrl));
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    streams.remove(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    streams.remove(streamId);
  }

  @Override
  public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
    if (request.hasErrorDetail()) {
      rejected(
          streamId,
          request,
          request.getNode(),
          request.getTypeUrl(),
          request.getResponseNonce(),
          request.getErrorDetail().getMessage());
    }
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
    if (TRACE.isDebugEnabled()) {
      TRACE.debug(
          "stream {} request {}: nonce {}, subscribe {}, unsubscribe {}{}",
          streamId,
          shortType(request.getTypeUrl()),
          request.getResponseNonce(),
          request.getResourceNamesSubscribeCount(),
          request.getResourceNamesUnsubscribeCount(),
          request.hasErrorDetail() ? ", NACK" : "");
    }
    if (request.hasErrorDetail()) {
      rejected(
          streamId,
          request,
          request.getNode(),
          request.getTypeUrl(),
          request.getResponseNonce(),
          request.getErrorDetail().getMessage());
    }
  }

  @Override
  public void onV3StreamResponse(
      long streamId, DiscoveryRequest request, DiscoveryResponse response) {
    sent(streamId, response.getTypeUrl(), response.getNonce(), response.getVersionInfo());
  }

  @Override
  public void onV3StreamDeltaResponse(
      long streamId, DeltaDiscoveryRequest request, DeltaDiscoveryResponse response) {
    if (TRACE.isDebugEnabled()) {
      TRACE.debug(
          "stream {} response {}: nonce {}, {} resources, {} removed, {} bytes",
          streamId,
          shortType(response.getTypeUrl()),
          response.getNonce(),
          response.getResourcesCount(),
          response.getRemovedResourcesCount(),
          response.getSerializedSize());
    }
    sent(streamId, response.getTypeUrl(), response.getNonce(), response.getSystemVersionInfo());
  }

  private static String shortType(String typeUrl) {
    return typeUrl.substring(typeUrl.lastIndexOf('.') + 1);
  }

  private void sent(long streamId, String typeUrl, String nonce, String version) {
    StreamState stream = streams.get(streamId);
    if (stream != null) {
      stream.latest.put(typeUrl, new Sent(nonce, version));
    }
  }

  private void rejected(
      long streamId,
      Message request,
      Node node,
      String requestTypeUrl,
      String nonce,
      String detail) {
    StreamState stream = streams.get(streamId);
    if (stream == null) {
      return;
    }
    String typeUrl = requestTypeUrl.isEmpty() ? stream.defaultTypeUrl : requestTypeUrl;
    Sent sent = stream.latest.get(typeUrl);
    if (sent == null || !sent.nonce.equals(nonce)) {
      return;
    }
    Nack nack = new Nack(node.getId(), node.getCluster(), typeUrl, sent.version, detail);
    reporter.accept(nack);
    nacksByRequest.put(request, nack);
  }

  /** The nonce and version of a response. */
  private record Sent(String nonce, String version) {}

  /** One stream: its type (empty for ADS) and the latest response per type. */
  private static final class StreamState {
    final String defaultTypeUrl;
    final Map<String, Sent> latest = new ConcurrentHashMap<>();

    StreamState(String defaultTypeUrl) {
      this.defaultTypeUrl = defaultTypeUrl;
    }
  }
}
