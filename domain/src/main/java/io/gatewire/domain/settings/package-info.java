/**
 * Per-Gateway proxy settings. {@link io.gatewire.domain.settings.ProxySettingsSpec} is what one
 * level says (the command line's defaults, a GatewayClass's ProxySettings, a Gateway's
 * ProxySettings), every field optional; {@link io.gatewire.domain.settings.GatewaySettings} is what
 * one Gateway gets once the levels are merged field by field and defaulted.
 */
package io.gatewire.domain.settings;
