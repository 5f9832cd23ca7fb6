/**
 * The admin HTTP endpoints of {@code gatewire serve}: health, readiness, Prometheus metrics, config
 * dump.
 */
package io.gatewire.bootstrap.admin;
