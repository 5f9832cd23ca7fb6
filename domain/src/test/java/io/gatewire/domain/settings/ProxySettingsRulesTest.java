package io.gatewire.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.settings.HttpSettings.EscapedSlashes;
import io.gatewire.domain.settings.HttpSettings.HeadersWithUnderscores;
import io.gatewire.domain.settings.HttpSettings.ServerHeader;
import io.gatewire.domain.settings.HttpSettings.WebSockets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of one level of proxy settings over another: a field a higher level sets wins, a field
 * it leaves unset inherits, and what no level sets gets the documented default.
 */
class ProxySettingsRulesTest {
  private static final TracingSpec.Collector COLLECTOR =
      new TracingSpec.Collector("otel.monitoring", 4317);

  private static final HttpSpec EVERY_HTTP_FIELD =
      new HttpSpec(
          false,
          false,
          EscapedSlashes.KEEP_UNCHANGED,
          HeadersWithUnderscores.ALLOW,
          false,
          2,
          96,
          "20s",
          "2h",
          "10m",
          100,
          ServerHeader.PASS_THROUGH,
          WebSockets.DECLARED_BACKENDS);

  private static final HttpSpec OTHER_HTTP_FIELDS =
      new HttpSpec(
          true,
          true,
          EscapedSlashes.REJECT_REQUEST,
          HeadersWithUnderscores.DROP_HEADER,
          true,
          1,
          32,
          "1s",
          "1m",
          "1s",
          7,
          ServerHeader.APPEND_IF_ABSENT,
          WebSockets.ALL_ROUTES);

  private static final HttpSpec NO_HTTP_FIELD =
      new HttpSpec(null, null, null, null, null, null, null, null, null, null, null, null, null);

  private static final ProxySettingsSpec EVERY_FIELD =
      new ProxySettingsSpec(
          new AccessLogSpec(
              false, "/var/log/a.log", AccessLogFormat.TEXT, "%START_TIME%", Map.of("t", "%T%")),
          new TracingSpec(true, COLLECTOR, 5.0, "shop"),
          EVERY_HTTP_FIELD);

  private static final ProxySettingsSpec OTHER_FIELDS =
      new ProxySettingsSpec(
          new AccessLogSpec(
              true, "/var/log/b.log", AccessLogFormat.JSON, "%B%", Map.of("a", "%A%")),
          new TracingSpec(false, new TracingSpec.Collector("other", 1), 50.0, "other"),
          OTHER_HTTP_FIELDS);

  private static final ProxySettingsSpec NO_FIELD =
      new ProxySettingsSpec(
          new AccessLogSpec(null, null, null, null, null),
          new TracingSpec(null, null, null, null),
          NO_HTTP_FIELD);

  @Test
  void nothingSetIsJsonToStdoutNoTracingAndTheDefaultProtections() {
    GatewaySettings settings = ProxySettingsSpec.EMPTY.resolve();
    assertThat(settings).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(NO_FIELD.resolve()).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(settings.accessLog())
        .isEqualTo(
            new GatewaySettings.AccessLog(
                true, "/dev/stdout", AccessLogFormat.JSON, null, Map.of()));
    assertThat(settings.accessLog().toStdout()).isTrue();
    assertThat(settings.tracing().enabled()).isFalse();
    assertThat(settings.tracing().samplingPercent()).isEqualTo(100.0);
    assertThat(settings.http())
        .isEqualTo(
            new HttpSettings(
                true,
                true,
                EscapedSlashes.UNESCAPE_AND_REDIRECT,
                HeadersWithUnderscores.REJECT_REQUEST,
                true,
                0,
                60,
                "10s",
                "1h",
                "5m",
                0,
                ServerHeader.OVERWRITE,
                WebSockets.ALL_ROUTES));
  }

  @Test
  void aHigherLevelWinsForEveryFieldItSets() {
    assertThat(OTHER_FIELDS.overriddenBy(EVERY_FIELD)).isEqualTo(EVERY_FIELD);
    assertThat(EVERY_FIELD.overriddenBy(OTHER_FIELDS)).isEqualTo(OTHER_FIELDS);
  }

  @Test
  void aFieldTheHigherLevelLeavesUnsetIsInherited() {
    assertThat(EVERY_FIELD.overriddenBy(NO_FIELD)).isEqualTo(EVERY_FIELD);
    assertThat(EVERY_FIELD.overriddenBy(ProxySettingsSpec.EMPTY)).isEqualTo(EVERY_FIELD);
    assertThat(ProxySettingsSpec.EMPTY.overriddenBy(EVERY_FIELD)).isEqualTo(EVERY_FIELD);
    assertThat(ProxySettingsSpec.EMPTY.overriddenBy(ProxySettingsSpec.EMPTY))
        .isEqualTo(ProxySettingsSpec.EMPTY);
  }

  @Test
  void everyHttpFieldIsResolvedFromItsOwnLevel() {
    assertThat(new ProxySettingsSpec(null, null, EVERY_HTTP_FIELD).resolve().http())
        .isEqualTo(
            new HttpSettings(
                false,
                false,
                EscapedSlashes.KEEP_UNCHANGED,
                HeadersWithUnderscores.ALLOW,
                false,
                2,
                96,
                "20s",
                "2h",
                "10m",
                100,
                ServerHeader.PASS_THROUGH,
                WebSockets.DECLARED_BACKENDS));
    assertThat(ProxySettingsSpec.EMPTY.withHttp(EVERY_HTTP_FIELD).http())
        .isSameAs(EVERY_HTTP_FIELD);
  }

  @Test
  void aTextLogKeepsItsLineAndDropsJsonFields() {
    GatewaySettings.AccessLog log =
        new ProxySettingsSpec(
                new AccessLogSpec(
                    null, "/var/log/a.log", AccessLogFormat.TEXT, "%START_TIME%", Map.of("a", "b")),
                null)
            .resolve()
            .accessLog();
    assertThat(log)
        .isEqualTo(
            new GatewaySettings.AccessLog(
                true, "/var/log/a.log", AccessLogFormat.TEXT, "%START_TIME%", Map.of()));
    assertThat(log.toStdout()).isFalse();
  }

  @Test
  void aJsonLogKeepsItsFieldsInOrderAndDropsATextLine() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("z", "%Z%");
    fields.put("a", "%A%");
    GatewaySettings.AccessLog log =
        new ProxySettingsSpec(new AccessLogSpec(null, null, null, "%START_TIME%", fields), null)
            .resolve()
            .accessLog();
    assertThat(log.format()).isEqualTo(AccessLogFormat.JSON);
    assertThat(log.text()).isNull();
    assertThat(List.copyOf(log.json().keySet())).containsExactly("z", "a");
    assertThatThrownBy(() -> log.json().put("b", "c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new AccessLogSpec(null, null, null, null, null).json()).isNull();
    assertThat(new AccessLogSpec(null, null, null, null, fields).json()).isEqualTo(fields);
    assertThat(
            new GatewaySettings.AccessLog(true, "/dev/stdout", AccessLogFormat.JSON, null, null)
                .json())
        .isEmpty();
  }

  @Test
  void enabledFalseTurnsTheAccessLogOff() {
    assertThat(
            new ProxySettingsSpec(new AccessLogSpec(false, null, null, null, null), null)
                .resolve()
                .accessLog()
                .enabled())
        .isFalse();
    assertThat(
            new ProxySettingsSpec(new AccessLogSpec(true, null, null, null, null), null)
                .resolve()
                .accessLog()
                .enabled())
        .isTrue();
  }

  @Test
  void tracingIsOnWhereACollectorIsSetUnlessDisabled() {
    assertThat(tracing(new TracingSpec(null, COLLECTOR, null, null)))
        .isEqualTo(new GatewaySettings.Tracing(COLLECTOR, 100, null));
    assertThat(tracing(new TracingSpec(true, COLLECTOR, 5.0, "shop")))
        .isEqualTo(new GatewaySettings.Tracing(COLLECTOR, 5.0, "shop"));
    assertThat(tracing(new TracingSpec(true, COLLECTOR, 5.0, "shop")).enabled()).isTrue();
    assertThat(tracing(new TracingSpec(false, COLLECTOR, 5.0, "shop")))
        .isEqualTo(GatewaySettings.Tracing.OFF);
    assertThat(tracing(new TracingSpec(true, null, 5.0, "shop")))
        .isEqualTo(GatewaySettings.Tracing.OFF);
    assertThat(COLLECTOR).hasToString("otel.monitoring:4317");
  }

  @Test
  void aLowerLevelsCollectorIsTracedWithTheHigherLevelsSampling() {
    ProxySettingsSpec lower =
        new ProxySettingsSpec(null, new TracingSpec(null, COLLECTOR, null, null));
    ProxySettingsSpec higher = new ProxySettingsSpec(null, new TracingSpec(null, null, 1.0, "svc"));
    assertThat(lower.overriddenBy(higher).resolve().tracing())
        .isEqualTo(new GatewaySettings.Tracing(COLLECTOR, 1.0, "svc"));
    ProxySettingsSpec off = new ProxySettingsSpec(null, new TracingSpec(false, null, null, null));
    assertThat(lower.overriddenBy(off).resolve().tracing()).isEqualTo(GatewaySettings.Tracing.OFF);
  }

  private static GatewaySettings.Tracing tracing(TracingSpec spec) {
    return new ProxySettingsSpec(null, spec).resolve().tracing();
  }

  @Test
  void routeStatsAreOnUnlessALevelTurnsThemOff_andAHigherLevelMayTurnThemBackOn() {
    assertThat(ProxySettingsSpec.EMPTY.resolve().metrics().routeStats()).isTrue();
    ProxySettingsSpec off = ProxySettingsSpec.EMPTY.withMetrics(new MetricsSpec(false));
    ProxySettingsSpec on = ProxySettingsSpec.EMPTY.withMetrics(new MetricsSpec(true));
    ProxySettingsSpec unset = ProxySettingsSpec.EMPTY.withMetrics(new MetricsSpec(null));
    assertThat(off.resolve().metrics()).isEqualTo(new GatewaySettings.Metrics(false));
    assertThat(off.overriddenBy(unset).resolve().metrics().routeStats()).isFalse();
    assertThat(off.overriddenBy(ProxySettingsSpec.EMPTY).resolve().metrics().routeStats())
        .isFalse();
    assertThat(off.overriddenBy(on).resolve().metrics().routeStats()).isTrue();
    assertThat(on.overriddenBy(off).resolve().metrics().routeStats()).isFalse();
    assertThat(unset.resolve()).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(off.overriddenBy(on).withHttp(null).accessLog()).isNull();
  }

  @Test
  void gatewaySettingsNeedAnAccessLogAndTracingAndDefaultTheHttpSection() {
    assertThat(
            new GatewaySettings(
                    GatewaySettings.AccessLog.DEFAULTS, GatewaySettings.Tracing.OFF, null)
                .http())
        .isEqualTo(HttpSettings.DEFAULTS);
    assertThat(new GatewaySettings(GatewaySettings.AccessLog.DEFAULTS, GatewaySettings.Tracing.OFF))
        .isEqualTo(GatewaySettings.DEFAULTS);
    assertThatNullPointerException()
        .isThrownBy(() -> new GatewaySettings(null, GatewaySettings.Tracing.OFF));
    assertThatNullPointerException()
        .isThrownBy(() -> new GatewaySettings(GatewaySettings.AccessLog.DEFAULTS, null));
    assertThatNullPointerException()
        .isThrownBy(
            () -> new GatewaySettings.AccessLog(true, null, AccessLogFormat.JSON, null, null));
    assertThatNullPointerException()
        .isThrownBy(() -> new GatewaySettings.AccessLog(true, "/dev/stdout", null, null, null));
  }

  private static HttpSettings http(
      int xffNumTrustedHops,
      int maxRequestHeadersKb,
      int maxRequestsPerConnection,
      String timeout) {
    HttpSettings d = HttpSettings.DEFAULTS;
    return new HttpSettings(
        d.normalizePath(),
        d.mergeSlashes(),
        d.escapedSlashes(),
        d.headersWithUnderscores(),
        d.useRemoteAddress(),
        xffNumTrustedHops,
        maxRequestHeadersKb,
        timeout,
        d.connectionIdleTimeout(),
        d.streamIdleTimeout(),
        maxRequestsPerConnection,
        d.serverHeader(),
        d.webSockets());
  }

  @Test
  void httpValuesOutOfRangeAreRefusedNamingTheField() {
    assertThat(http(0, 1, 0, "0s").maxRequestHeadersKb()).isEqualTo(1);
    assertThat(http(0, 8192, 0, "1h30m").maxRequestHeadersKb()).isEqualTo(8192);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> http(-1, 60, 0, "10s"))
        .withMessage("xffNumTrustedHops must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> http(0, 0, 0, "10s"))
        .withMessage("maxRequestHeadersKb must be between 1 and 8192");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> http(0, 8193, 0, "10s"))
        .withMessage("maxRequestHeadersKb must be between 1 and 8192");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> http(0, 60, -1, "10s"))
        .withMessage("maxRequestsPerConnection must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> http(0, 60, 0, "10 seconds"))
        .withMessage(
            "requestHeadersTimeout 10 seconds is not a Gateway API duration (such as 10s, 5m, 1h,"
                + " 500ms)");
  }

  @Test
  void everyTimeoutMustBeAGatewayApiDuration() {
    HttpSettings d = HttpSettings.DEFAULTS;
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HttpSettings(
                    d.normalizePath(),
                    d.mergeSlashes(),
                    d.escapedSlashes(),
                    d.headersWithUnderscores(),
                    d.useRemoteAddress(),
                    0,
                    60,
                    "10s",
                    "1 hour",
                    "5m",
                    0,
                    d.serverHeader(),
                    d.webSockets()))
        .withMessageStartingWith("connectionIdleTimeout 1 hour is not");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HttpSettings(
                    d.normalizePath(),
                    d.mergeSlashes(),
                    d.escapedSlashes(),
                    d.headersWithUnderscores(),
                    d.useRemoteAddress(),
                    0,
                    60,
                    "10s",
                    "1h",
                    "5 min",
                    0,
                    d.serverHeader(),
                    d.webSockets()))
        .withMessageStartingWith("streamIdleTimeout 5 min is not");
  }

  @Test
  void durationsAreGatewayApiDurations() {
    assertThat(HttpSettings.durationProblem("500ms")).isEmpty();
    assertThat(HttpSettings.durationProblem("1h2m3s4ms")).isEmpty();
    assertThat(HttpSettings.durationProblem("1h2m3s4ms5h")).isPresent();
    assertThat(HttpSettings.durationProblem("123456s")).isPresent();
    assertThat(HttpSettings.durationProblem("1d"))
        .contains("1d is not a Gateway API duration (such as 10s, 5m, 1h, 500ms)");
  }

  @Test
  void settingValuesAreWrittenInPascalCase() {
    assertThat(HttpSettings.apiName(EscapedSlashes.UNESCAPE_AND_REDIRECT))
        .isEqualTo("UnescapeAndRedirect");
    assertThat(HttpSettings.parse(HeadersWithUnderscores.class, "DropHeader"))
        .contains(HeadersWithUnderscores.DROP_HEADER);
    assertThat(HttpSettings.parse(HeadersWithUnderscores.class, "DROP_HEADER")).isEmpty();
    assertThat(HttpSettings.apiNames(HeadersWithUnderscores.class))
        .isEqualTo("Allow, RejectRequest, DropHeader");
    assertThat(AccessLogFormat.JSON.value()).isEqualTo("JSON");
    assertThat(AccessLogFormat.TEXT.value()).isEqualTo("Text");
  }

  @Test
  void formatStringsAreCommandOperatorsAndDoublePercents() {
    assertThat(FormatStrings.problem("plain text")).isEmpty();
    assertThat(FormatStrings.problem("%START_TIME% %REQ(:PATH)%:10 100%% done")).isEmpty();
    assertThat(FormatStrings.problem("%%")).isEmpty();
    assertThat(FormatStrings.problem("")).contains("must not be empty");
    assertThat(FormatStrings.problem("50% of %START_TIME%"))
        .contains(
            "no command operator at \"% of %START_TIME%\" (write %NAME%, %NAME(ARGS)%, or %% for"
                + " a percent sign)");
    assertThat(FormatStrings.problem("ok %start_time% and then some more text"))
        .contains(
            "no command operator at \"%start_time% and the\" (write %NAME%, %NAME(ARGS)%, or %%"
                + " for a percent sign)");
    assertThat(FormatStrings.problem("%A% %"))
        .isEqualTo(
            Optional.of(
                "no command operator at \"%\" (write %NAME%, %NAME(ARGS)%, or %% for a percent sign)"));
  }
}
