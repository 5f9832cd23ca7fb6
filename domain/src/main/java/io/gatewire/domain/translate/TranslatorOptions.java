package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Objects;

/** The controller name whose GatewayClasses Gatewire manages, and how metadata is emitted. */
public record TranslatorOptions(String controllerName, MetadataOptions metadata) {
  public static final String DEFAULT_CONTROLLER_NAME = "gatewire.io/gateway-controller";
  public static final TranslatorOptions DEFAULTS = new TranslatorOptions(DEFAULT_CONTROLLER_NAME, MetadataOptions.DEFAULTS);

  public TranslatorOptions {
    Objects.requireNonNull(controllerName, "controllerName");
    Objects.requireNonNull(metadata, "metadata");
  }
}
