package io.gatewire.bootstrap.cli;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewire generate}: prints a seeded benchmark workload (see {@link WorkloadGenerator}) as
 * multi-document YAML; the same arguments always print the same bytes.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Print a seeded, reproducible Gateway API workload (GatewayClass, one Gateway, Namespaces, "
            + "Services, EndpointSlices, HTTPRoutes) for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--routes",
      required = true,
      paramLabel = "N",
      description = "HTTPRoutes; Services = N / 2.")
  int routes;

  @Option(
      names = "--rules-per-route",
      defaultValue = "1",
      paramLabel = "N",
      description = "Rules per route (default: ${DEFAULT-VALUE}).")
  int rulesPerRoute;

  @Option(
      names = "--matches-per-rule",
      defaultValue = "1",
      paramLabel = "N",
      description = "Matches per rule (default: ${DEFAULT-VALUE}).")
  int matchesPerRule;

  @Option(
      names = "--backends-per-rule",
      defaultValue = "1",
      paramLabel = "N",
      description = "backendRefs per rule (default: ${DEFAULT-VALUE}).")
  int backendsPerRule;

  @Option(
      names = "--endpoints-per-service",
      defaultValue = "1",
      paramLabel = "N",
      description = "Ready endpoints per Service (default: ${DEFAULT-VALUE}).")
  int endpointsPerService;

  @Option(
      names = "--hostnames",
      defaultValue = "per-route",
      paramLabel = "per-route|shared",
      description =
          "A hostname per route, or one host shared by all routes (default: ${DEFAULT-VALUE}).")
  String hostnames;

  @Option(
      names = "--namespaces",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Namespaces the routes and Services are spread over, at most N / 2 (default: ${DEFAULT-VALUE}).")
  int namespaces;

  @Option(
      names = "--metadata",
      defaultValue = "default",
      paramLabel = "off|default|annotations",
      description =
          "annotations adds two gateway.envoyproxy.io/ annotations to every object; off and default "
              + "print the same manifests (default: ${DEFAULT-VALUE}).")
  String metadata;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    WorkloadSpec workload;
    try {
      workload =
          new WorkloadSpec(
              routes,
              rulesPerRoute,
              matchesPerRule,
              backendsPerRule,
              endpointsPerService,
              WorkloadSpec.Hostnames.parse(hostnames),
              namespaces,
              WorkloadSpec.Metadata.parse(metadata),
              seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(WorkloadGenerator.yaml(workload));
    out.flush();
    return GatewireCommand.EXIT_OK;
  }
}
