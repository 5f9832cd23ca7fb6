package io.gatewire.bootstrap.routecheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints route-check results: as text blocks with a summary line, or as a YAML/JSON document. */
public final class RouteCheckReport {
  private RouteCheckReport() {}

  /** {@code N passed, M failed} plus {@code , K without expectations} when K is not 0. */
  public static String summary(List<CaseResult> results) {
    long passed = count(results, CaseResult.Verdict.PASS);
    long failed = count(results, CaseResult.Verdict.FAIL);
    long info = count(results, CaseResult.Verdict.INFO);
    return passed
        + " passed, "
        + failed
        + " failed"
        + (info > 0 ? ", " + info + " without expectations" : "");
  }

  public static String text(List<CaseResult> results) {
    StringBuilder out = new StringBuilder();
    for (CaseResult result : results) {
      RouteRequest r = result.request();
      RouteOutcome o = result.outcome();
      out.append(result.verdict()).append(' ').append(result.title()).append('\n');
      line(
          out,
          "request",
          r.method()
              + " "
              + r.scheme()
              + "://"
              + r.host()
              + r.path()
              + " -> "
              + r.gateway()
              + " port "
              + r.port()
              + (r.serverName() == null ? "" : " sni " + r.serverName()));
      if (o.route() != null) {
        line(out, "route", o.route() + " (virtual host " + o.virtualHost() + ")");
      } else if (o.virtualHost() != null) {
        line(out, "route", "none (virtual host " + o.virtualHost() + ")");
      } else {
        line(out, "route", "none");
      }
      if (o.cluster() != null) {
        line(out, "cluster", o.cluster());
      }
      List<String> backends =
          o.answers().stream()
              .filter(a -> a.backend() != null || a.cluster() != null)
              .map(a -> Expectations.label(a) + " " + Expectations.share(a.share()))
              .toList();
      if (!backends.isEmpty()) {
        line(out, "backends", String.join(", ", backends));
      }
      if (!o.mirrors().isEmpty()) {
        line(
            out,
            "mirrors",
            o.mirrors().stream()
                .map(
                    m ->
                        m.backends().stream()
                                .map(Object::toString)
                                .collect(Collectors.joining("+", "", ""))
                            + " "
                            + Expectations.share(m.percent())
                            + "%")
                .collect(Collectors.joining(", ")));
      }
      if (o.timeout() != null) {
        line(
            out,
            "policy",
            "timeout " + o.timeout() + (o.retry() == null ? "" : "; retry " + o.retry()));
      }
      line(
          out,
          "answer",
          o.answers().stream()
              .map(RouteCheckReport::answer)
              .distinct()
              .collect(Collectors.joining(" | ")));
      result.failures().forEach(f -> line(out, "FAILED", f));
      o.notes().forEach(n -> line(out, "note", n));
      result.notes().forEach(n -> line(out, "note", n));
      out.append('\n');
    }
    out.append(summary(results)).append('\n');
    return out.toString();
  }

  private static String answer(Answer a) {
    String text = a.status() == 0 ? "no response" : String.valueOf(a.status());
    if (a.location() != null) {
      text += " Location: " + a.location();
    }
    if (a.attempts() > 1) {
      text += " after " + a.attempts() + " attempts";
    }
    return text;
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(String.format("%-10s", label + ":")).append(value).append('\n');
  }

  /** The same results as a document: {@code cases} (one entry per case) and {@code summary}. */
  public static String document(List<CaseResult> results, boolean json) {
    List<Object> cases = new ArrayList<>();
    for (CaseResult result : results) {
      Map<String, Object> c = new LinkedHashMap<>();
      RouteRequest r = result.request();
      RouteOutcome o = result.outcome();
      c.put("name", result.title());
      c.put("result", result.verdict().name());
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("gateway", r.gateway());
      request.put("port", r.port());
      request.put("scheme", r.scheme());
      putIf(request, "serverName", r.serverName());
      request.put("host", r.host());
      request.put("method", r.method());
      request.put("path", r.path());
      c.put("request", request);
      putIf(c, "listener", o.listener());
      putIf(c, "virtualHost", o.virtualHost());
      putIf(c, "route", o.route());
      putIf(c, "cluster", o.cluster());
      List<Object> answers = new ArrayList<>();
      for (Answer a : o.answers()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("share", a.share());
        putIf(entry, "cluster", a.cluster());
        if (a.backend() != null) {
          entry.put("backend", a.backend().toString());
          if (a.backend().assumedReady()) {
            entry.put("assumedReady", true);
          }
        }
        entry.put("status", a.status());
        putIf(entry, "location", a.location());
        if (a.attempts() > 0) {
          entry.put("attempts", a.attempts());
        }
        if (a.received() != null) {
          Map<String, Object> received = new LinkedHashMap<>();
          received.put("method", a.received().method());
          received.put("host", a.received().host());
          received.put("path", a.received().path());
          received.put("headers", a.received().headers());
          entry.put("received", received);
        }
        if (!a.responseHeaders().isEmpty()) {
          entry.put("responseHeaders", a.responseHeaders());
        }
        answers.add(entry);
      }
      c.put("answers", answers);
      if (!o.mirrors().isEmpty()) {
        c.put(
            "mirrors",
            o.mirrors().stream()
                .map(
                    m -> {
                      Map<String, Object> mirror = new LinkedHashMap<>();
                      mirror.put("cluster", m.cluster());
                      mirror.put("backends", m.backends().stream().map(Object::toString).toList());
                      mirror.put("percent", m.percent());
                      return mirror;
                    })
                .toList());
      }
      putIf(c, "timeout", o.timeout());
      putIf(c, "retry", o.retry());
      if (!result.failures().isEmpty()) {
        c.put("failures", result.failures());
      }
      List<String> notes = new ArrayList<>(o.notes());
      notes.addAll(result.notes());
      if (!notes.isEmpty()) {
        c.put("notes", notes);
      }
      cases.add(c);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("passed", count(results, CaseResult.Verdict.PASS));
    summary.put("failed", count(results, CaseResult.Verdict.FAIL));
    summary.put("withoutExpectations", count(results, CaseResult.Verdict.INFO));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("cases", cases);
    document.put("summary", summary);
    ObjectMapper mapper =
        json
            ? new ObjectMapper()
            : new ObjectMapper(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build());
    try {
      return mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document)
          + (json ? "\n" : "");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print route-check results", e);
    }
  }

  private static void putIf(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static long count(List<CaseResult> results, CaseResult.Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }
}
