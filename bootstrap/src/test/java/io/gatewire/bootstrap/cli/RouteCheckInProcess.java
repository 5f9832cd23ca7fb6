package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.adapters.xds.tls.EnvoyCertificateRules;
import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.bootstrap.routecheck.CaseFileException;
import io.gatewire.bootstrap.routecheck.CaseRequests;
import io.gatewire.bootstrap.routecheck.CertificateStubs;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gatewire route-check}'s view of some manifests, built by the command's own code (read as
 * from stdin, listener certificates stubbed when missing, translated with the default options): it
 * turns cases into requests and predicts what Envoy does with any request, so that a test can hold
 * the prediction against a real Envoy.
 */
public final class RouteCheckInProcess {
  private final RouteCheckCommand.Evaluation evaluation;

  private RouteCheckInProcess(RouteCheckCommand.Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  /** route-check over {@code manifests}; fails when they cannot be read. */
  public static RouteCheckInProcess of(String manifests) {
    try {
      var loaded =
          new FileConfigurationSource(
                  List.of(Path.of("-")),
                  new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
              .loadWithWarnings();
      CertificateStubs.Stubbed stubbed = CertificateStubs.add(loaded.resources());
      return new RouteCheckInProcess(
          RouteCheckCommand.evaluate(
              stubbed.resources(),
              List.of(),
              TranslatorOptions.DEFAULTS,
              stubbed.accepting(new EnvoyCertificateRules())));
    } catch (SourceException e) {
      throw new IllegalArgumentException("route-check cannot read the manifests: " + e, e);
    }
  }

  /** The request the conformance harness sends for case {@code c}, as route-check prepares it. */
  public CaseRequests.Prepared prepare(CaseFile file, CaseFile.Case c) throws CaseFileException {
    return evaluation.requests().prepare(file, c);
  }

  /** What route-check predicts Envoy does with {@code request}. */
  public RouteOutcome check(RouteRequest request) {
    return evaluation.checker().check(request);
  }
}
