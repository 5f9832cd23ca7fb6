package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.file.LoadResult;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.bootstrap.explain.ExplainReport;
import io.gatewire.bootstrap.explain.ExplainSnapshot;
import io.gatewire.domain.explain.Explanation;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatewire explain}: from something seen in Envoy (a resource or stat name, a Prometheus
 * label set or series, an access log line, a request) back to the objects of the input files that
 * produced it, with their file and line, status and warnings. Exit codes: 0 resolved, 1 something
 * it names is not found (or the input cannot be read), 2 bad usage.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Trace an Envoy resource or stat name, a Prometheus label set, an access log line or a"
            + " request (an http(s):// URL) back to the Gateway API objects that produced it.")
final class ExplainCommand implements Callable<Integer> {

  /** How to print the explanation. */
  enum Output {
    text,
    json
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputFiles input;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--gateway",
      paramLabel = "NAMESPACE/NAME",
      description =
          "For a request: the Gateway it is sent to (needed when several listen on its port).")
  String gateway;

  @Option(
      names = {"-X", "--request-method"},
      defaultValue = "GET",
      paramLabel = "METHOD",
      description = "For a request: its method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "For a request: a header; repeatable.")
  List<String> headers = new ArrayList<>();

  @Parameters(
      index = "0",
      paramLabel = "WHAT",
      description =
          "An Envoy resource name, an Envoy stat name, a Prometheus label set or series, an access"
              + " log JSON line, or an http(s):// URL.")
  String what;

  @Mixin TranslationFlags flags;

  @Mixin ProxySettingsFlags proxySettings;

  private final InputStream stdin;

  ExplainCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TranslatorOptions options =
        flags.options().withProxySettings(proxySettings.spec(spec.commandLine()));
    Map<String, List<String>> requestHeaders = headers(spec.commandLine());
    FileConfigurationSource files = input.source(stdin, flags.inputLimits(spec.commandLine()));
    ExplainSnapshot snapshot;
    try {
      LoadResult loaded = files.loadWithWarnings();
      TranslationRecorder recorder = new TranslationRecorder();
      TranslationResult result =
          Gatewire.builder()
              .source(loaded::resources)
              .proxySink(recorder)
              .statusSink(recorder)
              .options(options)
              .build()
              .translateOnce();
      snapshot =
          new ExplainSnapshot(
              loaded.resources(), result, ref -> loaded.locations().get(ref), options.metadata());
    } catch (SourceException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return GatewireCommand.EXIT_INPUT;
    }
    Explanation explanation;
    try {
      explanation =
          isRequest(what)
              ? snapshot.explain(new ExplainSnapshot.Request(what, method, requestHeaders, gateway))
              : snapshot.explain(what);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    out.print(
        output == Output.json ? ExplainReport.json(explanation) : ExplainReport.text(explanation));
    out.flush();
    return explanation.resolved() ? GatewireCommand.EXIT_OK : GatewireCommand.EXIT_INPUT;
  }

  static boolean isRequest(String what) {
    return what.startsWith("http://") || what.startsWith("https://");
  }

  private Map<String, List<String>> headers(CommandLine commandLine) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new CommandLine.ParameterException(
            commandLine, "-H takes 'Name: value', not " + header);
      }
      parsed
          .computeIfAbsent(
              header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
              k -> new ArrayList<>())
          .add(header.substring(colon + 1).trim());
    }
    return parsed;
  }
}
