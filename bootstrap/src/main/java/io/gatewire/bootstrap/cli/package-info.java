/** The {@code gatewire} command line (picocli): {@code translate} and the options shared by its commands. */
package io.gatewire.bootstrap.cli;
