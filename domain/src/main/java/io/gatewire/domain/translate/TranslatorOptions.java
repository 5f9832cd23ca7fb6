package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.settings.ProxySettingsSpec;
import java.util.Objects;

/**
 * The controller name whose GatewayClasses Gatewire manages, how metadata is emitted, whether the
 * xDS server may serve TLS keys ({@link SecretDelivery}; {@code translate} models a server that
 * may), and the proxy settings every Gateway starts from (the command line's; a GatewayClass's or
 * Gateway's ProxySettings override them field by field).
 */
public record TranslatorOptions(
    String controllerName,
    MetadataOptions metadata,
    SecretDelivery secrets,
    ProxySettingsSpec proxySettings) {
  public static final String DEFAULT_CONTROLLER_NAME = "gatewire.io/gateway-controller";
  public static final TranslatorOptions DEFAULTS =
      new TranslatorOptions(DEFAULT_CONTROLLER_NAME, MetadataOptions.DEFAULTS);

  public TranslatorOptions {
    Objects.requireNonNull(controllerName, "controllerName");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(proxySettings, "proxySettings");
  }

  /** Secrets delivered as {@code secrets} says; no proxy settings beyond the defaults. */
  public TranslatorOptions(
      String controllerName, MetadataOptions metadata, SecretDelivery secrets) {
    this(controllerName, metadata, secrets, ProxySettingsSpec.EMPTY);
  }

  /** Secrets served; no proxy settings beyond the defaults. */
  public TranslatorOptions(String controllerName, MetadataOptions metadata) {
    this(controllerName, metadata, SecretDelivery.SERVED);
  }

  public TranslatorOptions withSecrets(SecretDelivery delivery) {
    return new TranslatorOptions(controllerName, metadata, delivery, proxySettings);
  }

  /** These options with {@code defaults} as every Gateway's lowest level of proxy settings. */
  public TranslatorOptions withProxySettings(ProxySettingsSpec defaults) {
    return new TranslatorOptions(controllerName, metadata, secrets, defaults);
  }
}
