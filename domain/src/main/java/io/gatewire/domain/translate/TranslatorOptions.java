package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Objects;

/**
 * The controller name whose GatewayClasses Gatewire manages, how metadata is emitted, and whether
 * the xDS server may serve TLS keys ({@link SecretDelivery}; {@code translate} models a server that
 * may).
 */
public record TranslatorOptions(
    String controllerName, MetadataOptions metadata, SecretDelivery secrets) {
  public static final String DEFAULT_CONTROLLER_NAME = "gatewire.io/gateway-controller";
  public static final TranslatorOptions DEFAULTS =
      new TranslatorOptions(DEFAULT_CONTROLLER_NAME, MetadataOptions.DEFAULTS);

  public TranslatorOptions {
    Objects.requireNonNull(controllerName, "controllerName");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(secrets, "secrets");
  }

  /** Secrets served. */
  public TranslatorOptions(String controllerName, MetadataOptions metadata) {
    this(controllerName, metadata, SecretDelivery.SERVED);
  }

  public TranslatorOptions withSecrets(SecretDelivery delivery) {
    return new TranslatorOptions(controllerName, metadata, delivery);
  }
}
