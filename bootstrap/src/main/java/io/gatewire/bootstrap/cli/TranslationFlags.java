package io.gatewire.bootstrap.cli;

import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that translates shares: the controller name and how metadata is emitted. */
final class TranslationFlags {
  @Option(names = "--controller-name", paramLabel = "NAME", defaultValue = TranslatorOptions.DEFAULT_CONTROLLER_NAME,
      description = "Manage GatewayClasses with this spec.controllerName (default: ${DEFAULT-VALUE}).")
  String controllerName;

  @Option(names = "--metadata-namespace", paramLabel = "NS", defaultValue = MetadataOptions.DEFAULT_NAMESPACE,
      description = "filter_metadata namespace for provenance (default: ${DEFAULT-VALUE}).")
  String metadataNamespace;

  @Option(names = "--metadata-annotation-prefix", paramLabel = "PREFIX",
      description = "Also propagate annotations with this prefix (stripped); repeatable.")
  List<String> annotationPrefixes = new ArrayList<>();

  @Option(names = "--metadata-label", paramLabel = "KEY", description = "Propagate this label; repeatable.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--endpoint-metadata", description = "Also put the backend (and Pod) entry on every LbEndpoint.")
  boolean endpointMetadata;

  TranslatorOptions options() {
    MetadataOptions defaults = MetadataOptions.DEFAULTS;
    MetadataOptions metadata = new MetadataOptions(metadataNamespace, defaults.annotationPrefixes(), labels,
        defaults.annotationValueCap(), defaults.entryCap(), endpointMetadata).withExtraPrefixes(annotationPrefixes);
    return new TranslatorOptions(controllerName, metadata);
  }
}
