/**
 * Real certificate chains and keys for tests, made once with OpenSSL and committed (test only:
 * their private keys are public), with the commands in {@code README.md} beside them.
 */
package io.gatewire.testkit.tls;
