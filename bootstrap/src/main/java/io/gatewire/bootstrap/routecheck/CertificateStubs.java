package io.gatewire.bootstrap.routecheck;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.translate.CertificateRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Listener certificate Secrets missing from the input, stubbed so that route-check can evaluate
 * HTTPS listeners: route-check never does a TLS handshake, so a stub holds no certificate, and the
 * certificate rules route-check translates with let exactly the stub's content pass ({@link
 * Stubbed#accepting}). The conformance suite generates {@code tls-validity-checks-certificate} at
 * run time, so the data never holds it.
 */
public final class CertificateStubs {
  private static final byte[] STUB = "route-check stub".getBytes(StandardCharsets.UTF_8);

  private CertificateStubs() {}

  /** The input plus the stubs, and what was stubbed. */
  public record Stubbed(GatewayResources resources, List<ObjectRef> stubs) {
    /**
     * {@code rules}, except that a stub's content passes; every Secret of the input is checked as
     * {@code rules} check it.
     */
    public CertificateRules accepting(CertificateRules rules) {
      return (chain, key) ->
          Arrays.equals(chain, STUB) && Arrays.equals(key, STUB)
              ? Optional.empty()
              : rules.problem(chain, key);
    }
  }

  public static Stubbed add(GatewayResources resources) {
    Set<ObjectRef> present = new TreeSet<>();
    resources.secrets().forEach(s -> present.add(s.ref()));
    Set<ObjectRef> missing = new TreeSet<>();
    for (Gateway gateway : resources.gateways()) {
      for (Listener listener : gateway.listeners()) {
        for (ListenerTls.SecretRef ref :
            listener.tls().map(ListenerTls::certificateRefs).orElse(List.of())) {
          boolean secret =
              (ref.group() == null || ref.group().isEmpty())
                  && (ref.kind() == null || ref.kind().equals("Secret"));
          String namespace =
              ref.namespace() == null || ref.namespace().isEmpty()
                  ? gateway.meta().namespace()
                  : ref.namespace();
          ObjectRef wanted = new ObjectRef("Secret", namespace, ref.name());
          if (secret && !present.contains(wanted)) {
            missing.add(wanted);
          }
        }
      }
    }
    if (missing.isEmpty()) {
      return new Stubbed(resources, List.of());
    }
    GatewayResources.Builder builder = GatewayResources.builder().addAll(resources.all());
    for (ObjectRef ref : missing) {
      builder.add(
          new Secret(
              ObjectMeta.of("Secret", "v1", ref.namespace(), ref.name()),
              "kubernetes.io/tls",
              Map.of("tls.crt", STUB, "tls.key", STUB)));
    }
    return new Stubbed(builder.build(), new ArrayList<>(missing));
  }
}
