package io.gatewire.domain.port;

import io.gatewire.domain.ir.Ir;

/** Takes a new IR to turn into proxy configuration (the xDS server, a printer, a test recorder). */
public interface ProxyConfigSink {
  void publish(Ir ir);
}
