package io.gatewire.bootstrap.cli;

import io.gatewire.bootstrap.logging.UserLoggers;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.util.List;
import org.slf4j.Logger;

/**
 * The status sink of the file source: with no API server to write status to, rejected routes and
 * listeners and the translation's warnings go to the log, one line each.
 */
final class StatusLog implements StatusSink {
  private static final Logger LOG = UserLoggers.STATUS;

  @Override
  public void report(List<ObjectStatus> statuses, List<Warning> warnings) {
    for (ObjectStatus s : statuses) {
      String object =
          s.kind() + " " + (s.namespace().isEmpty() ? "" : s.namespace() + "/") + s.name();
      if (s.status() instanceof StatusBody.RouteStatus route) {
        for (StatusBody.RouteParentStatus parent : route.parents()) {
          failed(parent.conditions())
              .forEach(
                  c ->
                      LOG.warn(
                          "{} (parent {}): {} {}: {}",
                          object,
                          parent.parentRef().name(),
                          c.type(),
                          c.reason(),
                          c.message()));
        }
      } else if (s.status() instanceof StatusBody.GatewayStatus gateway) {
        for (StatusBody.ListenerStatus listener : gateway.listeners()) {
          failed(listener.conditions())
              .forEach(
                  c ->
                      LOG.warn(
                          "{} listener {}: {} {}: {}",
                          object,
                          listener.name(),
                          c.type(),
                          c.reason(),
                          c.message()));
        }
      }
    }
    warnings.forEach(w -> LOG.warn("{}", w));
  }

  /** Conditions that say something is wrong: a False positive-polarity one, or Conflicted=True. */
  private static List<Condition> failed(List<Condition> conditions) {
    return conditions.stream()
        .filter(c -> c.type().equals("Conflicted") ? c.holds() : !c.holds())
        .toList();
  }
}
