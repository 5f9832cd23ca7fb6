package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import java.util.Arrays;
import java.util.Optional;

/**
 * The certificate checks, by Secret ({@link #CERTIFICATES}): a Secret whose {@code tls.crt} and
 * {@code tls.key} are unchanged is not checked again (a check parses keys and signs, too slow to
 * repeat for every Secret on every change).
 */
final class CertificateMemo {
  /** Certificate problems by Secret, from its {@code tls.crt} and {@code tls.key}. */
  static final String CERTIFICATES = "translate.certificates";

  /** A Secret's key material; equal when the bytes are. */
  private record Material(byte[] chain, byte[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Material other
          && Arrays.equals(chain, other.chain)
          && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(chain) + Arrays.hashCode(key);
    }
  }

  private final CertificateRules rules;
  private final Memo<ObjectRef, Optional<String>> checked;

  CertificateMemo(CertificateRules rules, Memos memos) {
    this.rules = rules;
    this.checked = memos.memo(CERTIFICATES);
  }

  /**
   * Why the proxy would refuse the Secret's {@code tls.crt} and {@code tls.key}, which it holds.
   */
  Optional<String> problem(Secret secret) {
    byte[] chain = secret.data().get("tls.crt");
    byte[] key = secret.data().get("tls.key");
    return checked.get(secret.ref(), new Material(chain, key), () -> rules.problem(chain, key));
  }
}
