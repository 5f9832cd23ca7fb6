package io.gatewire.domain.model;

import java.util.List;

/** A listener's TLS settings: Terminate or Passthrough, and the certificate Secrets it names. */
public record ListenerTls(String mode, List<SecretRef> certificateRefs) {
  public ListenerTls {
    certificateRefs = List.copyOf(certificateRefs);
  }

  /** A certificateRef; group empty and kind Secret by default. */
  public record SecretRef(String group, String kind, String namespace, String name) {}
}
