package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.LoadResult;
import io.gatewire.adapters.xds.routecheck.RouteChecker;
import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.tls.EnvoyCertificateRules;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.bootstrap.routecheck.CaseFileException;
import io.gatewire.bootstrap.routecheck.CaseFileReader;
import io.gatewire.bootstrap.routecheck.CaseRequests;
import io.gatewire.bootstrap.routecheck.CaseResult;
import io.gatewire.bootstrap.routecheck.CertificateStubs;
import io.gatewire.bootstrap.routecheck.Expectations;
import io.gatewire.bootstrap.routecheck.InputEndpoints;
import io.gatewire.bootstrap.routecheck.RouteCheckReport;
import io.gatewire.bootstrap.routecheck.RuntimeChange;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.CertificateRules;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewire route-check}: translates the manifests, then evaluates the requests of a cases
 * file against the Envoy configuration each Gateway would get, and judges them against the cases'
 * expectations. Exit 0 when every case with an expectation holds, 1 when one fails or an input
 * cannot be read, 2 on bad usage.
 */
@Command(
    name = "route-check",
    mixinStandardHelpOptions = true,
    description = "Evaluate HTTP requests against the Envoy routes the manifests translate to.")
final class RouteCheckCommand implements Callable<Integer> {

  /** How to print the results. */
  enum Output {
    text,
    yaml,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputFiles input;

  @Option(
      names = "--requests",
      required = true,
      paramLabel = "CASES.yaml",
      description =
          "The requests and their expectations (the Gateway API conformance cases.yaml schema).")
  Path requests;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      paramLabel = "text|yaml|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Output output;

  @Mixin TranslationFlags flags;

  @Mixin ProxySettingsFlags proxySettings;

  private final InputStream stdin;

  RouteCheckCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TranslatorOptions options =
        flags.options().withProxySettings(proxySettings.spec(spec.commandLine()));
    try {
      LoadResult loaded =
          input.source(stdin, flags.inputLimits(spec.commandLine())).loadWithWarnings();
      CaseFile cases = new CaseFileReader().read(requests);
      CertificateStubs.Stubbed stubbed = CertificateStubs.add(loaded.resources());
      stubbed
          .stubs()
          .forEach(
              ref ->
                  err.println(
                      "note: stubbed listener certificate "
                          + ref
                          + " (not in the input; route-check does no TLS handshake)"));
      if (!loaded.warnings().isEmpty()) {
        err.println(
            "note: " + loaded.warnings().size() + " input warning(s); run translate to see them");
      }
      List<CaseResult> results =
          run(cases, stubbed.resources(), options, stubbed.accepting(new EnvoyCertificateRules()));
      out.print(
          output == Output.text
              ? RouteCheckReport.text(results)
              : RouteCheckReport.document(results, output == Output.json));
      out.flush();
      err.flush();
      return results.stream().anyMatch(r -> r.verdict() == CaseResult.Verdict.FAIL)
          ? GatewireCommand.EXIT_INPUT
          : GatewireCommand.EXIT_OK;
    } catch (SourceException | CaseFileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return GatewireCommand.EXIT_INPUT;
    }
  }

  private List<CaseResult> run(
      CaseFile file,
      GatewayResources input,
      TranslatorOptions options,
      CertificateRules certificates)
      throws SourceException, CaseFileException {
    Map<List<String>, Evaluation> byChanges = new HashMap<>();
    List<CaseResult> results = new ArrayList<>();
    int index = 0;
    for (CaseFile.Case c : file.cases()) {
      Evaluation evaluation = byChanges.get(c.afterRuntimeChanges());
      if (evaluation == null) {
        evaluation = evaluate(input, c.afterRuntimeChanges(), options, certificates);
        byChanges.put(c.afterRuntimeChanges(), evaluation);
      }
      CaseRequests.Prepared prepared;
      try {
        prepared = evaluation.requests.prepare(file, c);
      } catch (CaseFileException e) {
        throw new CaseFileException(requests + ": " + c.title(index) + ": " + e.getMessage(), e);
      }
      RouteOutcome outcome = evaluation.checker.check(prepared.request());
      List<String> failures =
          c.hasExpectation() ? Expectations.failures(c, prepared, outcome) : List.of();
      CaseResult.Verdict verdict =
          !c.hasExpectation()
              ? CaseResult.Verdict.INFO
              : failures.isEmpty() ? CaseResult.Verdict.PASS : CaseResult.Verdict.FAIL;
      results.add(
          new CaseResult(
              c.title(index++), verdict, prepared.request(), outcome, failures, evaluation.notes));
    }
    return results;
  }

  /** The translation after some runtime changes, ready to answer requests. */
  record Evaluation(RouteChecker checker, CaseRequests requests, List<String> notes) {}

  static Evaluation evaluate(
      GatewayResources input,
      List<String> changes,
      TranslatorOptions options,
      CertificateRules certificates)
      throws SourceException {
    List<String> notes = new ArrayList<>();
    List<RuntimeChange> parsed = changes.stream().map(RuntimeChange::parse).toList();
    Set<ObjectRef> deleted =
        parsed.stream()
            .filter(RuntimeChange::applicable)
            .map(ch -> ch.deleted().orElseThrow())
            .collect(Collectors.toSet());
    parsed.stream()
        .filter(ch -> !ch.applicable())
        .forEach(ch -> notes.add("runtime change not applied (route-check cannot): " + ch.text()));
    parsed.stream()
        .filter(RuntimeChange::applicable)
        .forEach(ch -> notes.add("after runtime change: " + ch.text()));
    List<KubernetesObject> kept =
        input.all().stream().filter(o -> !deleted.contains(o.ref())).toList();
    GatewayResources resources = GatewayResources.builder().addAll(kept).build();
    TranslationRecorder recorder = new TranslationRecorder();
    Gatewire.builder()
        .source(() -> resources)
        .proxySink(recorder)
        .statusSink(recorder)
        .options(options)
        .override(binder -> binder.bind(CertificateRules.class).toInstance(certificates))
        .build()
        .translateOnce();
    List<String> programmed = recorder.ir().gateways().stream().map(IrGateway::key).toList();
    RouteChecker checker =
        new RouteChecker(recorder.ir(), options.metadata(), new InputEndpoints(resources));
    return new Evaluation(
        checker, new CaseRequests(resources, programmed, UUID::randomUUID), notes);
  }
}
