/**
 * Envoy's regex dialect: which RegularExpression matches Envoy accepts (RE2 syntax, under the RE2
 * program size limit Envoy enforces), so the translator drops a rule Envoy would refuse instead of
 * sending a configuration Envoy rejects as a whole. Entry point: {@link
 * io.gatewire.adapters.xds.regex.EnvoyRegexDialect}.
 */
package io.gatewire.adapters.xds.regex;
