package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/**
 * The typed model of Gatewire's ProxySettings ({@code gatewire.io/v1alpha1}). Unlike the other
 * kinds' models, {@code spec} knows every field there is: an unknown one is an error (a typo must
 * not silently leave a setting at its default), and its scalars take their own JSON type only
 * ({@link StrictScalars}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProxySettingsResource(ObjectMeta metadata, Spec spec) {

  /** {@code spec}: one section per concern. */
  record Spec(AccessLog accessLog, Tracing tracing, Http http, Metrics metrics) {}

  /** {@code spec.accessLog}. */
  record AccessLog(
      @JsonDeserialize(using = StrictScalars.Bool.class) Boolean enabled,
      @JsonDeserialize(using = StrictScalars.Text.class) String path,
      @JsonDeserialize(using = StrictScalars.Text.class) String format,
      @JsonDeserialize(using = StrictScalars.Text.class) String text,
      @JsonDeserialize(contentUsing = StrictScalars.Text.class) Map<String, String> json) {}

  /** {@code spec.tracing}. */
  record Tracing(
      @JsonDeserialize(using = StrictScalars.Bool.class) Boolean enabled,
      Collector collector,
      @JsonDeserialize(using = StrictScalars.Decimal.class) Double samplingPercent,
      @JsonDeserialize(using = StrictScalars.Text.class) String serviceName) {}

  /** {@code spec.tracing.collector}: an OTLP/gRPC collector. */
  record Collector(
      @JsonDeserialize(using = StrictScalars.Text.class) String host,
      @JsonDeserialize(using = StrictScalars.Int.class) Integer port) {}

  /** {@code spec.http}: request hardening and protocol settings. */
  record Http(
      @JsonDeserialize(using = StrictScalars.Bool.class) Boolean normalizePath,
      @JsonDeserialize(using = StrictScalars.Bool.class) Boolean mergeSlashes,
      @JsonDeserialize(using = StrictScalars.Text.class) String escapedSlashes,
      @JsonDeserialize(using = StrictScalars.Text.class) String headersWithUnderscores,
      @JsonDeserialize(using = StrictScalars.Bool.class) Boolean useRemoteAddress,
      @JsonDeserialize(using = StrictScalars.Int.class) Integer xffNumTrustedHops,
      @JsonDeserialize(using = StrictScalars.Int.class) Integer maxRequestHeadersKb,
      @JsonDeserialize(using = StrictScalars.Text.class) String requestHeadersTimeout,
      @JsonDeserialize(using = StrictScalars.Text.class) String connectionIdleTimeout,
      @JsonDeserialize(using = StrictScalars.Text.class) String streamIdleTimeout,
      @JsonDeserialize(using = StrictScalars.Int.class) Integer maxRequestsPerConnection,
      @JsonDeserialize(using = StrictScalars.Text.class) String serverHeader,
      @JsonDeserialize(using = StrictScalars.Text.class) String webSockets) {}

  /** {@code spec.metrics}: which stats Envoy keeps. */
  record Metrics(@JsonDeserialize(using = StrictScalars.Bool.class) Boolean routeStats) {}
}
