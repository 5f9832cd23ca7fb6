/**
 * The {@code gatewire} command line (picocli): translate, serve, route-check, generate, and the
 * options they share.
 */
package io.gatewire.bootstrap.cli;
