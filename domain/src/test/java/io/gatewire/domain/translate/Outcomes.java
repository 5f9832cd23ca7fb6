package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.util.List;

/** What rule tests read of a translation with one Gateway and one HTTPRoute. */
final class Outcomes {
  private Outcomes() {}

  static IrGateway gateway(TranslationResult result) {
    return result.ir().gateways().get(0);
  }

  /** Every route of the Gateway, in the order its virtual hosts hold them. */
  static List<IrRoute> routes(TranslationResult result) {
    return gateway(result).routeConfigs().stream()
        .flatMap(config -> config.virtualHosts().stream())
        .flatMap(host -> host.routes().stream())
        .toList();
  }

  /** The HTTPRoute's condition of {@code type} for its first parent. */
  static Condition routeCondition(TranslationResult result, String type) {
    StatusBody.RouteStatus status =
        (StatusBody.RouteStatus)
            result.statuses().stream()
                .filter(s -> s.kind().equals("HTTPRoute"))
                .findFirst()
                .orElseThrow()
                .status();
    return status.parents().get(0).conditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
