package io.gatewire.adapters.xds.routecheck;

import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * route-check for callers that must not see Envoy types: translates each Gateway of an IR to the
 * Envoy resources it would be served, and evaluates requests against them.
 */
public final class RouteChecker {
  private final Map<String, RouteSimulator> byGateway = new LinkedHashMap<>();

  public RouteChecker(Ir ir, MetadataOptions options, EndpointKnowledge knowledge) {
    XdsTranslator translator = new XdsTranslator(options);
    for (IrGateway gateway : ir.gateways()) {
      XdsResources resources = translator.translate(gateway);
      byGateway.put(gateway.key(), new RouteSimulator(resources, options.namespace(), knowledge));
    }
  }

  /**
   * What the Gateway's proxy does with {@code request}; a Gateway we do not program refuses the
   * connection.
   */
  public RouteOutcome check(RouteRequest request) {
    RouteSimulator simulator = byGateway.get(request.gateway());
    if (simulator == null) {
      return new RouteOutcome(
          null,
          null,
          null,
          null,
          null,
          List.of(new RouteOutcome.Answer(1.0, null, null, 0, null, null, Map.of(), 0)),
          List.of(),
          null,
          null,
          List.of(
              "Gateway " + request.gateway() + " is not programmed: the connection is refused"));
    }
    return simulator.simulate(request);
  }
}
