package io.gatewire.domain.translate;

import java.util.Objects;

/**
 * Whether the xDS server may hand TLS keys to the proxies. When it may not (the server runs without
 * mutual TLS), a listener that needs a Secret (HTTPS, or TLS that terminates) is not programmed:
 * its status says {@link #withheldBecause why}, and no filter chain and no Secret of it reaches the
 * xDS, so no proxy waits for a certificate that will never come.
 *
 * @param withheldBecause null when Secrets are served; otherwise the sentence the listener's {@code
 *     Programmed} condition gives as the reason (it names what the operator has to change)
 */
public record SecretDelivery(String withheldBecause) {
  public static final SecretDelivery SERVED = new SecretDelivery(null);

  public static SecretDelivery withheld(String because) {
    return new SecretDelivery(Objects.requireNonNull(because, "because"));
  }

  public boolean served() {
    return withheldBecause == null;
  }
}
