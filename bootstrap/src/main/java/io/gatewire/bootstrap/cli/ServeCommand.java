package io.gatewire.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.admin.AdminServer;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code gatewire serve}: serves xDS over ADS from watched manifest files, with admin HTTP beside it.
 * A broken edit keeps the last good configuration serving; SIGTERM drains and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve xDS to Envoy over ADS from Gateway API manifests, reloading on change.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  /** Where the Gateway API objects come from. */
  enum Source { file, kubernetes }

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
      description = "A file, a directory (all *.yaml, *.yml, *.json below it) or - for stdin; repeatable; watched.")
  List<String> paths;

  @Option(names = "--source", defaultValue = "file", paramLabel = "file|kubernetes",
      description = "Read manifests from files (default) or a cluster.")
  Source source;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig for --source kubernetes.")
  Path kubeconfig;

  @Option(names = "--namespace", paramLabel = "NS", description = "Only watch this namespace (--source kubernetes).")
  String namespace;

  @Option(names = "--xds-port", defaultValue = "18000", paramLabel = "PORT", description = "ADS gRPC port (default: ${DEFAULT-VALUE}).")
  int xdsPort;

  @Option(names = "--admin-port", defaultValue = "19000", paramLabel = "PORT",
      description = "Admin HTTP port: /healthz /readyz /metrics /config_dump (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Mixin
  TranslationFlags flags;

  private final InputStream stdin;
  private final CountDownLatch stop = new CountDownLatch(1);

  ServeCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (source == Source.kubernetes) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--source kubernetes is not available in this version; use -f PATH");
    }
    if (paths == null || paths.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "serve needs -f PATH");
    }
    TranslatorOptions options = flags.options();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConfigurationSource files = new FileConfigurationSource(paths.stream().map(Path::of).toList(), stdin,
        flags.inputLimits(spec.commandLine()));
    try (XdsServing xds = new XdsServing(new ServingOptions(xdsPort, options.metadata()), registry)) {
      xds.start();
      Gatewire gatewire = Gatewire.builder().source(files).proxySink(xds).statusSink(new StatusLog())
          .options(options).build();
      Gauge.builder("gatewire.config.stale", gatewire, g -> g.state().stale() ? 1 : 0)
          .description("1 when the latest input failed and the last good configuration is being served").register(registry);
      Gauge.builder("gatewire.config.ready", gatewire, g -> g.state().hasConfiguration() ? 1 : 0)
          .description("1 once a configuration is being served").register(registry);
      FunctionCounter.builder("gatewire.config.translations", gatewire, g -> g.state().translations())
          .description("translations published").register(registry);
      FunctionCounter.builder("gatewire.config.errors", gatewire, g -> g.state().errors())
          .description("loads that failed (the last good configuration kept serving); /readyz names the last one")
          .register(registry);
      try (ConfigurationSource.Watch watch = gatewire.start();
          AdminServer admin = new AdminServer(adminPort, gatewire::state, registry::scrape, () -> configDump(xds))) {
        admin.start();
        LOG.info("serving xDS on port {} (node cluster <namespace>/<gateway> selects a Gateway: {}), admin on port {}",
            xds.port(), xds.nodeGroups(), admin.port());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        stop.await();
        LOG.info("shutting down: draining xDS streams");
      }
    }
    return GatewireCommand.EXIT_OK;
  }

  private static String configDump(XdsServing xds) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode dump = json.createObjectNode();
    try {
      for (Map.Entry<String, String> group : xds.configDump(XdsDocument.Format.JSON).entrySet()) {
        dump.set(group.getKey(), json.readTree(group.getValue()));
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(dump);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
