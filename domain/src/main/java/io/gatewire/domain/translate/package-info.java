/**
 * The translator: Gateway API objects to IR, status and warnings. Translation is best effort: a bad
 * route gets status conditions and a 500 direct response and never stops the other routes, because
 * one team's broken route must not take down another team's traffic. Exceptions here are bugs.
 */
package io.gatewire.domain.translate;
