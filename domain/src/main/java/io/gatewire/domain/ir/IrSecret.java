package io.gatewire.domain.ir;

import java.util.Arrays;

/**
 * A TLS certificate for SDS, named {@code <namespace>/<secret>}. The key material is only handed to
 * the xDS server; printed output shows the name alone.
 */
public record IrSecret(String name, byte[] certificateChain, byte[] privateKey) {
  @Override
  public boolean equals(Object o) {
    return o instanceof IrSecret s
        && name.equals(s.name)
        && Arrays.equals(certificateChain, s.certificateChain)
        && Arrays.equals(privateKey, s.privateKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "IrSecret[" + name + "]";
  }
}
