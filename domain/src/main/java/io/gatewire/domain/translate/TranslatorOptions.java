package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrHttpSettings;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Objects;

/**
 * The controller name whose GatewayClasses Gatewire manages, how metadata is emitted, whether the
 * xDS server may serve TLS keys ({@link SecretDelivery}; {@code translate} models a server that
 * may), and the HTTP settings of every Gateway that does not set its own.
 */
public record TranslatorOptions(
    String controllerName, MetadataOptions metadata, SecretDelivery secrets, IrHttpSettings http) {
  public static final String DEFAULT_CONTROLLER_NAME = "gatewire.io/gateway-controller";
  public static final TranslatorOptions DEFAULTS =
      new TranslatorOptions(DEFAULT_CONTROLLER_NAME, MetadataOptions.DEFAULTS);

  public TranslatorOptions {
    Objects.requireNonNull(controllerName, "controllerName");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(http, "http");
  }

  /** The default HTTP settings. */
  public TranslatorOptions(
      String controllerName, MetadataOptions metadata, SecretDelivery secrets) {
    this(controllerName, metadata, secrets, IrHttpSettings.DEFAULTS);
  }

  /** Secrets served. */
  public TranslatorOptions(String controllerName, MetadataOptions metadata) {
    this(controllerName, metadata, SecretDelivery.SERVED);
  }

  public TranslatorOptions withSecrets(SecretDelivery delivery) {
    return new TranslatorOptions(controllerName, metadata, delivery, http);
  }

  public TranslatorOptions withHttp(IrHttpSettings settings) {
    return new TranslatorOptions(controllerName, metadata, secrets, settings);
  }
}
