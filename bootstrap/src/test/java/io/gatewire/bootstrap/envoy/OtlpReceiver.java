package io.gatewire.bootstrap.envoy;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An OpenTelemetry collector for tests: the OTLP/gRPC trace service on a free loopback port,
 * keeping every span it receives with its attributes and its resource's {@code service.name}.
 */
final class OtlpReceiver implements AutoCloseable {
  private final Server server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  /** One span: its name, its resource's service name, and its attributes as strings. */
  record ReceivedSpan(String name, String serviceName, Map<String, String> attributes) {}

  private OtlpReceiver() {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> response) {
                    receive(request);
                    response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    response.onCompleted();
                  }
                })
            .build();
  }

  static OtlpReceiver start() {
    OtlpReceiver receiver = new OtlpReceiver();
    try {
      receiver.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return receiver;
  }

  int port() {
    return server.getPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  private void receive(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = attributes(resource.getResource().getAttributesList()).get("service.name");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        scope
            .getSpansList()
            .forEach(
                span ->
                    spans.add(
                        new ReceivedSpan(
                            span.getName(), service, attributes(span.getAttributesList()))));
      }
    }
  }

  private static Map<String, String> attributes(List<KeyValue> values) {
    Map<String, String> attributes = new TreeMap<>();
    for (KeyValue value : values) {
      attributes.put(value.getKey(), text(value.getValue()));
    }
    return attributes;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> String.valueOf(value.getIntValue());
      case BOOL_VALUE -> String.valueOf(value.getBoolValue());
      case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
      default -> value.toString();
    };
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
