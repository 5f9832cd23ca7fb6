/**
 * End-to-end tests that run the shaded jar as a user would (failsafe, after {@code package}): the
 * README's command, and {@code serve} against real xDS clients.
 */
package io.gatewire.bootstrap.e2e;
