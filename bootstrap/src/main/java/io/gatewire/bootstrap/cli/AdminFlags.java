package io.gatewire.bootstrap.cli;

import io.gatewire.bootstrap.admin.AdminServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where {@code serve}'s admin HTTP listens and who may read its config dump. */
final class AdminFlags {
  @Option(
      names = "--admin-port",
      defaultValue = "19000",
      paramLabel = "PORT",
      description =
          "Admin HTTP port: /healthz /readyz /metrics /config_dump (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--admin-address",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Admin HTTP address (default: ${DEFAULT-VALUE}); 0.0.0.0 for every interface,"
              + " for example for a kubelet's probes.")
  String address;

  @Option(
      names = "--admin-expose-config-dump",
      description =
          "Answer /config_dump (every route and backend; no key material) to non-loopback peers too.")
  boolean exposeConfigDump;

  AdminServer.Access access(CommandLine commandLine) {
    try {
      return new AdminServer.Access(
          new InetSocketAddress(InetAddress.getByName(address), port), exposeConfigDump);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine, "--admin-address " + address + " is not an address: " + e.getMessage());
    }
  }
}
