package io.gatewire.domain.translate;

import java.util.List;

/**
 * What the first step of a translation decides from everything but EndpointSlices: each Gateway's
 * listeners, routes and clusters, and every object's status with the warnings ({@code outcome}, a
 * result with no IR yet). EndpointSlices cannot change any of it, only the endpoints {@link
 * EndpointsTranslator} adds.
 */
record Routing(List<GatewayPlan> gateways, TranslationResult outcome) {
  Routing {
    gateways = List.copyOf(gateways);
  }
}
