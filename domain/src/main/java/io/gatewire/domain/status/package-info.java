/**
 * What a translation tells the user besides xDS: Gateway API status (conditions per GatewayClass,
 * Gateway, listener and route parent) and warnings about input that was accepted with changes.
 */
package io.gatewire.domain.status;
