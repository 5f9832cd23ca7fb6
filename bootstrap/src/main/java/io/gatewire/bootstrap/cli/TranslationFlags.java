package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.InputLimits;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options every command that translates shares: the controller name, how metadata is emitted, and
 * the limits on what the input files may hold (docs/limits.md).
 */
final class TranslationFlags {
  @Option(
      names = "--controller-name",
      paramLabel = "NAME",
      defaultValue = TranslatorOptions.DEFAULT_CONTROLLER_NAME,
      description =
          "Manage GatewayClasses with this spec.controllerName (default: ${DEFAULT-VALUE}).")
  String controllerName;

  @Option(
      names = "--metadata-namespace",
      paramLabel = "NS",
      defaultValue = MetadataOptions.DEFAULT_NAMESPACE,
      description = "filter_metadata namespace for provenance (default: ${DEFAULT-VALUE}).")
  String metadataNamespace;

  @Option(
      names = "--metadata-annotation-prefix",
      paramLabel = "PREFIX",
      description = "Also propagate annotations with this prefix (stripped); repeatable.")
  List<String> annotationPrefixes = new ArrayList<>();

  @Option(
      names = "--metadata-label",
      paramLabel = "KEY",
      description = "Propagate this label; repeatable.")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--endpoint-metadata",
      description = "Also put the backend (and Pod) entry on every LbEndpoint.")
  boolean endpointMetadata;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      defaultValue = "64Mi",
      converter = ByteSize.class,
      description =
          "Refuse an input file (or stdin) larger than this, in bytes or with a Ki, Mi or Gi suffix"
              + " (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

  @Option(
      names = "--max-nesting-depth",
      paramLabel = "LEVELS",
      defaultValue = "100",
      description =
          "Refuse a manifest whose objects and lists nest deeper than this, 1 to "
              + InputLimits.HIGHEST_NESTING_DEPTH
              + " (default: ${DEFAULT-VALUE}).")
  int maxNestingDepth;

  /** The input limits; a limit out of range is a usage error. */
  InputLimits inputLimits(picocli.CommandLine commandLine) {
    try {
      return new InputLimits(maxFileSize, maxNestingDepth);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  TranslatorOptions options() {
    MetadataOptions defaults = MetadataOptions.DEFAULTS;
    MetadataOptions metadata =
        new MetadataOptions(
                metadataNamespace,
                defaults.annotationPrefixes(),
                labels,
                defaults.annotationValueCap(),
                defaults.entryCap(),
                endpointMetadata)
            .withExtraPrefixes(annotationPrefixes);
    return new TranslatorOptions(controllerName, metadata);
  }
}
