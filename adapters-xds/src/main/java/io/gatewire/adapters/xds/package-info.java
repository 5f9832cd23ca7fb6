/**
 * The xDS sink: an IR Gateway translated into Envoy resources ({@link
 * io.gatewire.adapters.xds.XdsResources} by {@link io.gatewire.adapters.xds.XdsTranslator}) and
 * printed as the {@code translate} document ({@link io.gatewire.adapters.xds.XdsDocumentWriter});
 * {@link io.gatewire.adapters.xds.serve.XdsServing} serves it to proxies over xDS.
 */
package io.gatewire.adapters.xds;
