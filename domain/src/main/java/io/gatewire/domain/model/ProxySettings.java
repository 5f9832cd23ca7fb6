package io.gatewire.domain.model;

import io.gatewire.domain.settings.ProxySettingsSpec;
import java.util.Objects;

/**
 * Gatewire's own kind {@code ProxySettings} ({@code gatewire.io/v1alpha1}, namespaced): settings of
 * the Envoy proxies of the Gateways that refer to it, through their GatewayClass's {@code
 * parametersRef} or their own {@code infrastructure.parametersRef}. Every field of its spec is
 * optional: unset means inherited (see {@link ProxySettingsSpec}).
 */
public record ProxySettings(ObjectMeta meta, ProxySettingsSpec spec) implements KubernetesObject {
  public static final String GROUP = "gatewire.io";
  public static final String KIND = "ProxySettings";
  public static final String API_VERSION = GROUP + "/v1alpha1";

  public ProxySettings {
    Objects.requireNonNull(spec, "spec");
  }
}
