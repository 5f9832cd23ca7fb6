package io.gatewire.bootstrap.routecheck;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import java.util.List;

/**
 * One evaluated case: its verdict, the request sent, what Envoy would do, what failed, and notes.
 */
public record CaseResult(
    String title,
    Verdict verdict,
    RouteRequest request,
    RouteOutcome outcome,
    List<String> failures,
    List<String> notes) {
  public CaseResult {
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** PASS and FAIL for cases with expectations, INFO for cases without. */
  public enum Verdict {
    PASS,
    FAIL,
    INFO
  }
}
