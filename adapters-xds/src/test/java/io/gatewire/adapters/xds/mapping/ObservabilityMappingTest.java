package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.gatewayListener;
import static io.gatewire.adapters.xds.testing.IrFixtures.httpRoute;
import static io.gatewire.adapters.xds.testing.IrFixtures.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.type.tracing.v3.CustomTag;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.TracingSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a Gateway's settings do to its xDS: the access log of its connection managers (stdout or a
 * file, JSON or text, Gatewire's fields or the user's), its tracing (provider, sampling, collector
 * cluster, per-route tags with the Gateway's sampling), and the stat prefix and zone that label
 * metrics, whatever the settings.
 */
class ObservabilityMappingTest {
  private static final TracingSpec.Collector COLLECTOR = new TracingSpec.Collector("otel", 4317);

  private static IrGateway gateway(GatewaySettings settings) {
    IrVirtualHost host =
        new IrVirtualHost(
            "myns/eg/80/shop_example_com",
            List.of("shop.example.com"),
            List.of(
                IrFixtures.route(
                    "httproute/myns/shop.v2/rule/3/match/0/shop_example_com",
                    prefix("/"),
                    IrAction.Forward.to(IrFixtures.SEED_CLUSTER),
                    ResourceMetadata.of(httpRoute("myns", "shop.v2", "cart", Map.of())))),
            ResourceMetadata.of(gatewayListener("myns", "eg", "http")));
    return new IrGateway(
        "myns/eg",
        List.of(new IrListener("myns/eg/80", "0.0.0.0", 80, "myns/eg/80", List.of())),
        List.of(new IrRouteConfig("myns/eg/80", List.of(host))),
        List.of(IrFixtures.seedCluster()),
        List.of(),
        settings);
  }

  private static XdsResources translate(GatewaySettings settings) {
    XdsResources resources =
        new XdsTranslator(MetadataOptions.DEFAULTS).translate(gateway(settings));
    EnvoyValidator.assertValid(resources);
    return resources;
  }

  private static HttpConnectionManager hcm(XdsResources resources) throws Exception {
    Listener listener = resources.listeners().get(0);
    return listener
        .getFilterChains(0)
        .getFilters(0)
        .getTypedConfig()
        .unpack(HttpConnectionManager.class);
  }

  private static Route firstRoute(XdsResources resources) {
    return resources.routes().get(0).getVirtualHosts(0).getRoutes(0);
  }

  @Test
  void defaults_logJsonToStdout_withGatewireFields_andNoTracing() throws Exception {
    XdsResources resources = translate(GatewaySettings.DEFAULTS);
    HttpConnectionManager hcm = hcm(resources);

    assertThat(hcm.getAccessLogList())
        .singleElement()
        .satisfies(
            log -> {
              assertThat(log.getName()).isEqualTo(AccessLogs.STDOUT_LOGGER);
            });
    StdoutAccessLog stdout = hcm.getAccessLog(0).getTypedConfig().unpack(StdoutAccessLog.class);
    Map<String, String> fields =
        stdout.getLogFormat().getJsonFormat().getFieldsMap().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().hasStringValue()
                            ? e.getValue().getStringValue()
                            : e.getValue().toString()));
    assertThat(fields)
        .containsEntry("gateway_namespace", "myns")
        .containsEntry("gateway_name", "eg")
        .containsEntry("upstream_cluster", "%UPSTREAM_CLUSTER%")
        .containsEntry(
            "route_name",
            "%TYPED_CEL(xds.route_metadata.filter_metadata['envoy-gateway'].resources[0].name)%")
        .containsEntry(
            "listener",
            "%TYPED_CEL(xds.virtual_host_metadata.filter_metadata['envoy-gateway']"
                + ".resources[0].sectionName)%")
        .hasSize(28);
    assertThat(hcm.hasTracing()).isFalse();
    assertThat(firstRoute(resources).hasTracing()).isFalse();
    assertThat(resources.clusters())
        .extracting(Cluster::getName)
        .containsExactly(IrFixtures.SEED_CLUSTER);
  }

  @Test
  void everyRoute_hasItsRulesStatPrefix_withDotsAsUnderscores_andEveryLocalityItsBackendZone() {
    XdsResources resources = translate(GatewaySettings.DEFAULTS);
    assertThat(firstRoute(resources).getStatPrefix()).isEqualTo("httproute/myns/shop_v2/rule/3");
    assertThat(resources.endpoints().get(0).getEndpointsList())
        .extracting(l -> l.getLocality().getRegion() + " " + l.getLocality().getZone())
        .containsExactly(
            IrFixtures.SEED_CLUSTER + "/backend/0 service/myns/svc-1/8080",
            IrFixtures.SEED_CLUSTER + "/backend/1 service/myns/svc-2/8080");
  }

  @Test
  void routeStatsOff_leavesOutTheRoutesStatPrefix_andNothingElse() {
    GatewaySettings off =
        new GatewaySettings(
            GatewaySettings.AccessLog.DEFAULTS,
            GatewaySettings.Tracing.OFF,
            null,
            new GatewaySettings.Metrics(false));
    Route withStats = firstRoute(translate(GatewaySettings.DEFAULTS));
    Route without = firstRoute(translate(off));
    assertThat(without.getStatPrefix()).isEmpty();
    assertThat(without).isEqualTo(withStats.toBuilder().clearStatPrefix().build());
    assertThat(without.getMetadata()).isEqualTo(withStats.getMetadata()).isNotNull();
  }

  @Test
  void accessLogOff_writesNone() throws Exception {
    GatewaySettings off =
        new GatewaySettings(
            new GatewaySettings.AccessLog(
                false, GatewaySettings.AccessLog.STDOUT, AccessLogFormat.JSON, null, Map.of()),
            GatewaySettings.Tracing.OFF);
    assertThat(hcm(translate(off)).getAccessLogList()).isEmpty();
  }

  @Test
  void aFilePath_andText_writeGatewiresLineToThatFile() throws Exception {
    GatewaySettings text =
        new GatewaySettings(
            new GatewaySettings.AccessLog(
                true, "/var/log/envoy/access.log", AccessLogFormat.TEXT, null, Map.of()),
            GatewaySettings.Tracing.OFF);
    AccessLog log = hcm(translate(text)).getAccessLog(0);
    assertThat(log.getName()).isEqualTo(AccessLogs.FILE_LOGGER);
    FileAccessLog file = log.getTypedConfig().unpack(FileAccessLog.class);
    assertThat(file.getPath()).isEqualTo("/var/log/envoy/access.log");
    assertThat(file.getLogFormat().getTextFormatSource().getInlineString())
        .startsWith("[%START_TIME%] \"%REQ(:METHOD)%")
        .contains(" gateway_namespace=myns gateway_name=eg listener=%CEL(")
        .contains(" route_rule=%CEL(xds.route_name.matches(")
        .endsWith("\n");
  }

  @Test
  void customFormats_replaceGatewires() throws Exception {
    GatewaySettings json =
        new GatewaySettings(
            new GatewaySettings.AccessLog(
                true,
                GatewaySettings.AccessLog.STDOUT,
                AccessLogFormat.JSON,
                null,
                Map.of("status", "%RESPONSE_CODE%")),
            GatewaySettings.Tracing.OFF);
    assertThat(
            hcm(translate(json))
                .getAccessLog(0)
                .getTypedConfig()
                .unpack(StdoutAccessLog.class)
                .getLogFormat()
                .getJsonFormat()
                .getFieldsMap())
        .containsOnlyKeys("status");
    GatewaySettings text =
        new GatewaySettings(
            new GatewaySettings.AccessLog(
                true,
                GatewaySettings.AccessLog.STDOUT,
                AccessLogFormat.TEXT,
                "%ROUTE_NAME%",
                Map.of()),
            GatewaySettings.Tracing.OFF);
    assertThat(
            hcm(translate(text))
                .getAccessLog(0)
                .getTypedConfig()
                .unpack(StdoutAccessLog.class)
                .getLogFormat()
                .getTextFormatSource()
                .getInlineString())
        .isEqualTo("%ROUTE_NAME%\n");
  }

  @Test
  void tracing_exportsToTheCollectorsCluster_samples_andTagsGatewayAndRoute() throws Exception {
    GatewaySettings traced =
        new GatewaySettings(
            GatewaySettings.AccessLog.DEFAULTS, new GatewaySettings.Tracing(COLLECTOR, 12.5, null));
    XdsResources resources = translate(traced);
    HttpConnectionManager hcm = hcm(resources);

    assertThat(hcm.getTracing().getRandomSampling().getValue()).isEqualTo(12.5);
    assertThat(hcm.getTracing().getProvider().getName()).isEqualTo(Tracings.TRACER_NAME);
    OpenTelemetryConfig exporter =
        hcm.getTracing().getProvider().getTypedConfig().unpack(OpenTelemetryConfig.class);
    assertThat(exporter.getGrpcService().getEnvoyGrpc().getClusterName())
        .isEqualTo("gatewire/otlp/otel/4317");
    assertThat(exporter.getServiceName()).isEqualTo("myns/eg");
    assertThat(tags(hcm.getTracing().getCustomTagsList()))
        .isEqualTo(Map.of("gatewire.gateway.namespace", "myns", "gatewire.gateway.name", "eg"));
    assertThat(resources.clusters())
        .extracting(Cluster::getName)
        .containsExactly("gatewire/otlp/otel/4317", IrFixtures.SEED_CLUSTER);

    Route route = firstRoute(resources);
    assertThat(route.getTracing().getRandomSampling())
        .as("a route's tracing replaces the connection manager's sampling: keep the Gateway's")
        .isEqualTo(
            FractionalPercent.newBuilder()
                .setNumerator(125_000)
                .setDenominator(FractionalPercent.DenominatorType.MILLION)
                .build());
    assertThat(tags(route.getTracing().getCustomTagsList()))
        .isEqualTo(
            Map.of(
                "gatewire.listener", "http",
                "gatewire.route.kind", "HTTPRoute",
                "gatewire.route.namespace", "myns",
                "gatewire.route.name", "shop.v2",
                "gatewire.route.rule", "3",
                "gatewire.route.rule_name", "cart"));
  }

  @Test
  void endpointMetadata_addsTheBackendTag_fromTheUpstreamHost() throws Exception {
    GatewaySettings traced =
        new GatewaySettings(
            GatewaySettings.AccessLog.DEFAULTS,
            new GatewaySettings.Tracing(COLLECTOR, 100, "edge"));
    MetadataOptions withEndpoints =
        new MetadataOptions(
            MetadataOptions.DEFAULTS.namespace(),
            MetadataOptions.DEFAULTS.annotationPrefixes(),
            List.of(),
            MetadataOptions.DEFAULTS.annotationValueCap(),
            MetadataOptions.DEFAULTS.entryCap(),
            true);
    HttpConnectionManager hcm =
        new XdsTranslator(withEndpoints)
            .translate(gateway(traced))
            .listeners()
            .get(0)
            .getFilterChains(0)
            .getFilters(0)
            .getTypedConfig()
            .unpack(HttpConnectionManager.class);
    assertThat(hcm.getTracing().getCustomTagsList())
        .filteredOn(t -> t.getTag().equals("gatewire.backend"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getMetadata().getKind().hasHost()).isTrue();
              assertThat(t.getMetadata().getMetadataKey().getKey()).isEqualTo("envoy-gateway");
            });
  }

  private static Map<String, String> tags(List<CustomTag> tags) {
    return tags.stream()
        .collect(Collectors.toMap(CustomTag::getTag, t -> t.getLiteral().getValue()));
  }
}
