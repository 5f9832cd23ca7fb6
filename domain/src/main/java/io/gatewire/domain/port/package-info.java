/**
 * The ports: what the application needs from the outside world, in the domain's words. Sources give
 * {@link io.gatewire.domain.model.GatewayResources}; sinks take the IR and the status. Adapters
 * implement them; platform teams embedding Gatewire implement their own.
 */
package io.gatewire.domain.port;
