package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.xds.mapping.ListenerBinding;
import io.gatewire.adapters.xds.serve.ServingOptions;
import java.net.InetAddress;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s addresses: the interface of the xDS port, and where Envoy binds the listeners it
 * is served ({@link ListenerBinding}). By default both are as before: xDS on every interface,
 * listeners where the Gateways say.
 */
final class BindingFlags {
  @Option(
      names = "--xds-address",
      paramLabel = "ADDRESS",
      description = "Interface the xDS port binds (default: every interface).")
  InetAddress xdsAddress;

  @Option(
      names = "--listener-address",
      paramLabel = "ADDRESS",
      description =
          "Address Envoy binds every listener on instead of the Gateway's 0.0.0.0"
              + " (127.0.0.1: reachable from this machine only).")
  InetAddress listenerAddress;

  @Option(
      names = "--listener-port-offset",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Add N to every Gateway port where Envoy binds it (10000: port 80 becomes 10080, which"
              + " needs no privilege); names, routes and redirects keep the Gateway's ports"
              + " (default: ${DEFAULT-VALUE}).")
  int listenerPortOffset;

  /** {@code options} with these addresses; an offset out of range is a usage error. */
  ServingOptions apply(CommandLine commandLine, ServingOptions options) {
    try {
      return options.at(
          Optional.ofNullable(xdsAddress),
          new ListenerBinding(
              Optional.ofNullable(listenerAddress).map(InetAddress::getHostAddress),
              listenerPortOffset));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
