package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.file.LoadResult;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.SecretDelivery;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewire translate}: reads manifests, prints the xDS every Gateway would get (and, on
 * request, the status every object would get) as one document on stdout.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = "Translate Gateway API manifests to Envoy xDS and print it.")
final class TranslateCommand implements Callable<Integer> {

  /** What to print. */
  enum Emit {
    xds,
    status,
    all
  }

  /** How to print it. */
  enum Output {
    yaml,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputFiles input;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      paramLabel = "yaml|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--emit",
      defaultValue = "xds",
      paramLabel = "xds|status|all",
      description = "Print the xDS resources, the status, or both (default: ${DEFAULT-VALUE}).")
  Emit emit;

  @Mixin TranslationFlags flags;

  @Mixin ProxySettingsFlags proxySettings;

  @Option(
      names = "--withhold-secrets",
      description =
          "Translate as serve without mutual TLS does: listeners that need a Secret are not programmed"
              + " (status says why) and no Secret is emitted. Default: as a server that may serve Secrets.")
  boolean withholdSecrets;

  private final InputStream stdin;

  TranslateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TranslatorOptions options =
        (withholdSecrets
                ? flags.options().withSecrets(SecretDelivery.withheld(XdsSecurityFlags.WITHHELD))
                : flags.options())
            .withProxySettings(proxySettings.spec(spec.commandLine()));
    FileConfigurationSource files = input.source(stdin, flags.inputLimits(spec.commandLine()));
    List<String> sourceWarnings = new ArrayList<>();
    ConfigurationSource source =
        () -> {
          LoadResult loaded = files.loadWithWarnings();
          sourceWarnings.addAll(loaded.warnings());
          return loaded.resources();
        };
    TranslationRecorder recorder = new TranslationRecorder();
    TranslationResult result;
    try {
      result =
          Gatewire.builder()
              .source(source)
              .proxySink(recorder)
              .statusSink(recorder)
              .options(options)
              .build()
              .translateOnce();
    } catch (SourceException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return GatewireCommand.EXIT_INPUT;
    }
    sourceWarnings.forEach(w -> err.println("warning: " + w));
    result.warnings().forEach(w -> err.println("warning: " + w));
    XdsDocument document =
        new XdsDocument(
            options.metadata(),
            output == Output.json ? XdsDocument.Format.JSON : XdsDocument.Format.YAML);
    Ir ir = emit == Emit.status ? null : recorder.ir();
    try {
      document.write(ir, emit == Emit.xds ? null : StatusJson.of(recorder.statuses()), out);
    } catch (IOException e) {
      throw new UncheckedIOException("a PrintWriter does not throw", e);
    }
    err.flush();
    return GatewireCommand.EXIT_OK;
  }
}
