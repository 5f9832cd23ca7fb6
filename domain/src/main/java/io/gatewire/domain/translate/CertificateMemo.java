package io.gatewire.domain.translate;

import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate checks of the previous translation, by Secret: a Secret whose {@code tls.crt} and
 * {@code tls.key} are unchanged is not checked again (a check parses keys and signs, too slow to
 * repeat for every Secret on every change). Only the Secrets checked in the latest translation are
 * kept.
 */
final class CertificateMemo {
  private record Entry(byte[] chain, byte[] key, Optional<String> problem) {
    boolean holds(byte[] otherChain, byte[] otherKey) {
      return (chain == otherChain || Arrays.equals(chain, otherChain))
          && (key == otherKey || Arrays.equals(key, otherKey));
    }
  }

  private final CertificateRules rules;
  private Map<ObjectRef, Entry> current = new HashMap<>();
  private Map<ObjectRef, Entry> previous = new HashMap<>();

  CertificateMemo(CertificateRules rules) {
    this.rules = rules;
  }

  /**
   * Why the proxy would refuse the Secret's {@code tls.crt} and {@code tls.key}, which it holds.
   */
  Optional<String> problem(Secret secret) {
    byte[] chain = secret.data().get("tls.crt");
    byte[] key = secret.data().get("tls.key");
    Entry entry = current.get(secret.ref());
    if (entry == null || !entry.holds(chain, key)) {
      entry = previous.get(secret.ref());
    }
    if (entry == null || !entry.holds(chain, key)) {
      entry = new Entry(chain, key, rules.problem(chain, key));
    }
    current.put(secret.ref(), entry);
    return entry.problem();
  }

  /** The entries held, for the current and previous translations. */
  int size() {
    return current.size() + previous.size();
  }

  /** Ends a translation: only the Secrets checked in it are kept. */
  void roll() {
    previous = current;
    current = new HashMap<>();
  }
}
