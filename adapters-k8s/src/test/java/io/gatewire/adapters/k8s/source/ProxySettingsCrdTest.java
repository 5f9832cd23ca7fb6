package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatewire.adapters.k8s.decode.DocumentLocation;
import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ProxySettings CRD in docs/deploy refuses what the decoder refuses: every sample spec is
 * checked by the CRD's OpenAPI schema (types, enums, patterns, ranges, required fields; unknown
 * fields refused, as the API server's strict field validation does) and by the decoder, and both
 * must agree. The schema's CEL rules (text versus json versus format) are checked by their own
 * samples below, as the rules state them.
 */
class ProxySettingsCrdTest {
  private static final Path CRD = Path.of("..", "docs", "deploy", "05-proxysettings-crd.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final List<String> SPECS =
      List.of(
          "{}",
          "{accessLog: {}}",
          "{accessLog: {enabled: false}}",
          "{accessLog: {path: /dev/stdout, format: JSON}}",
          "{accessLog: {path: relative.log}}",
          "{accessLog: {format: Text}}",
          "{accessLog: {format: text}}",
          "{accessLog: {text: '%START_TIME% %REQ(:PATH)% %RESPONSE_CODE%:3 100%%'}}",
          "{accessLog: {text: '%START_TIME(%s.%3f)% x'}}",
          "{accessLog: {text: '50% off'}}",
          "{accessLog: {text: ''}}",
          "{accessLog: {json: {code: '%RESPONSE_CODE%', static: plain}}}",
          "{accessLog: {json: {code: '%response_code%'}}}",
          "{accessLog: {json: {}}}",
          "{accessLog: {json: {code: 5}}}",
          "{accessLog: {text: 5}}",
          "{tracing: {collector: {host: 5, port: 4317}}}",
          "{tracing: {collector: {host: otel, port: '4317'}}}",
          "{tracing: {collector: {host: otel, port: 4317.5}}}",
          "{tracing: {samplingPercent: '5'}}",
          "{tracing: {enabled: 'true'}}",
          "{accessLog: {enabled: yes please}}",
          "{accessLog: {colour: red}}",
          "{tracing: {collector: {host: otel, port: 4317}, samplingPercent: 0.5}}",
          "{tracing: {collector: {host: otel}}}",
          "{tracing: {collector: {port: 4317}}}",
          "{tracing: {collector: {host: '', port: 4317}}}",
          "{tracing: {collector: {host: otel, port: 0}}}",
          "{tracing: {collector: {host: otel, port: 65536}}}",
          "{tracing: {samplingPercent: 100}}",
          "{tracing: {samplingPercent: -1}}",
          "{tracing: {samplingPercent: 100.5}}",
          "{tracing: {serviceName: ''}}",
          "{tracing: {enabled: true, serviceName: edge}}",
          "{tracing: {sampling: 5}}",
          "{metrics: {}}",
          "{metrics: {routeStats: false}}",
          "{metrics: {routeStats: 'false'}}",
          "{metrics: {routeStat: false}}",
          "{metric: {routeStats: false}}",
          "{http: {}}",
          "{http: {normalizePath: false, mergeSlashes: true, useRemoteAddress: false}}",
          "{http: {normalizePath: 'false'}}",
          "{http: {escapedSlashes: RejectRequest, headersWithUnderscores: DropHeader}}",
          "{http: {escapedSlashes: UNESCAPE_AND_REDIRECT}}",
          "{http: {headersWithUnderscores: Reject}}",
          "{http: {xffNumTrustedHops: 2, maxRequestHeadersKb: 8192, maxRequestsPerConnection: 0}}",
          "{http: {xffNumTrustedHops: -1}}",
          "{http: {maxRequestHeadersKb: 0}}",
          "{http: {maxRequestHeadersKb: 8193}}",
          "{http: {maxRequestsPerConnection: '5'}}",
          "{http: {requestHeadersTimeout: 10s, connectionIdleTimeout: 1h30m, streamIdleTimeout: 0s}}",
          "{http: {streamIdleTimeout: 5 minutes}}",
          "{http: {connectionIdleTimeout: 300}}",
          "{http: {serverHeader: PassThrough, webSockets: DeclaredBackends}}",
          "{http: {serverHeader: hide}}",
          "{http: {webSockets: None}}",
          "{http: {websockets: AllRoutes}}");

  @Test
  void theSchemaAndTheDecoder_agreeOnEverySample() throws IOException {
    JsonNode schema =
        YAML.readTree(CRD.toFile()).at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    ManifestDecoder decoder = new ManifestDecoder();
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    for (String spec : SPECS) {
      JsonNode specNode = YAML.readTree(spec);
      boolean schemaAccepts = valid(schema, specNode);
      boolean decoderAccepts = decodes(decoder, specNode);
      refused += decoderAccepts ? 0 : 1;
      if (schemaAccepts != decoderAccepts) {
        disagreements.add(
            spec + ": schema " + verdict(schemaAccepts) + ", decoder " + verdict(decoderAccepts));
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(refused).as("the samples include refused specs").isGreaterThan(10);
  }

  @Test
  void theCelRules_sayWhatTheDecoderSaysOfTextJsonAndFormat() throws IOException {
    JsonNode rules =
        YAML.readTree(CRD.toFile())
            .at(
                "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/accessLog"
                    + "/x-kubernetes-validations");
    List<String> ruleTexts = new ArrayList<>();
    rules.forEach(r -> ruleTexts.add(r.path("rule").asText()));
    assertThat(ruleTexts)
        .containsExactly(
            "!has(self.text) || !has(self.json)",
            "!has(self.text) || !has(self.format) || self.format == 'Text'",
            "!has(self.json) || !has(self.format) || self.format == 'JSON'");
    ManifestDecoder decoder = new ManifestDecoder();
    Map<String, Boolean> samples =
        Map.of(
            "{accessLog: {text: '%START_TIME%', json: {a: '%START_TIME%'}}}", false,
            "{accessLog: {format: JSON, text: '%START_TIME%'}}", false,
            "{accessLog: {format: Text, json: {a: '%START_TIME%'}}}", false,
            "{accessLog: {format: Text, text: '%START_TIME%'}}", true,
            "{accessLog: {format: JSON, json: {a: '%START_TIME%'}}}", true);
    for (Map.Entry<String, Boolean> sample : samples.entrySet()) {
      JsonNode log = YAML.readTree(sample.getKey()).path("accessLog");
      boolean byRules =
          (!log.has("text") || !log.has("json"))
              && (!log.has("text")
                  || !log.has("format")
                  || log.path("format").asText().equals("Text"))
              && (!log.has("json")
                  || !log.has("format")
                  || log.path("format").asText().equals("JSON"));
      assertThat(byRules).as(sample.getKey()).isEqualTo(sample.getValue());
      assertThat(decodes(decoder, YAML.readTree(sample.getKey())))
          .as(sample.getKey())
          .isEqualTo(sample.getValue());
    }
  }

  private static String verdict(boolean accepts) {
    return accepts ? "accepts" : "refuses";
  }

  private static boolean decodes(ManifestDecoder decoder, JsonNode spec) throws IOException {
    JsonNode document =
        YAML.readTree(
            "apiVersion: "
                + ProxySettings.API_VERSION
                + "\nkind: ProxySettings\n"
                + "metadata: {name: sample, namespace: infra}\n");
    ((com.fasterxml.jackson.databind.node.ObjectNode) document).set("spec", spec);
    try {
      decoder.decode(document, DocumentLocation.of("sample.yaml"));
      return true;
    } catch (SourceException e) {
      return false;
    }
  }

  /** The OpenAPI v3 subset the CRD uses, with unknown properties refused. */
  private static boolean valid(JsonNode schema, JsonNode value) {
    String type = schema.path("type").asText();
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          return false;
        }
        for (JsonNode required : schema.path("required")) {
          if (!value.has(required.asText())) {
            return false;
          }
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
          return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode fieldSchema =
              schema.path("properties").has(field.getKey())
                  ? schema.path("properties").get(field.getKey())
                  : schema.get("additionalProperties");
          if (fieldSchema == null || !valid(fieldSchema, field.getValue())) {
            return false;
          }
        }
        return true;
      }
      case "string" -> {
        if (!value.isTextual()) {
          return false;
        }
        String text = value.asText();
        return text.length() >= schema.path("minLength").asInt(0)
            && (!schema.has("enum") || contains(schema.get("enum"), text))
            && (!schema.has("pattern")
                || Pattern.compile(schema.get("pattern").asText()).matcher(text).find());
      }
      case "boolean" -> {
        return value.isBoolean();
      }
      case "integer", "number" -> {
        if (!(type.equals("integer") ? value.isIntegralNumber() : value.isNumber())) {
          return false;
        }
        double number = value.asDouble();
        return (!schema.has("minimum") || number >= schema.get("minimum").asDouble())
            && (!schema.has("maximum") || number <= schema.get("maximum").asDouble());
      }
      default -> throw new AssertionError("the test does not know schema type " + type);
    }
  }

  private static boolean contains(JsonNode values, String text) {
    for (JsonNode v : values) {
      if (v.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
