package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.grant;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.https;
import static io.gatewire.domain.fixtures.Fixtures.httpsWithCertificates;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.tls;
import static io.gatewire.domain.fixtures.Fixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrSecret;
import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.testkit.tls.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Listener certificateRefs whose Secrets hold certificate data the proxy would refuse: the listener
 * says which Secret and what is wrong ({@code ResolvedRefs=False}, {@code InvalidCertificateRef}),
 * the Secret never reaches the IR, and a listener keeps serving its other certificates.
 */
class CertificateRefsTest {
  private static final String MALFORMED = "Hello world\n";

  private static KubernetesObject malformedSecret(String name) {
    return tlsSecret("ns", name, MALFORMED, MALFORMED);
  }

  private static List<KubernetesObject> withRoute(KubernetesObject... objects) {
    List<KubernetesObject> all = new ArrayList<>(List.of(gatewayClass("gatewire")));
    all.addAll(Arrays.asList(objects));
    all.add(service("ns", "svc", "10.0.0.1", 80));
    all.add(
        httpRoute("ns", "r")
            .parent("gw")
            .hostnames("a.com")
            .rule(List.of(prefix("/")), BackendRef.service("svc", 80, 1))
            .build());
    return all;
  }

  private static TranslationResult translate(KubernetesObject... objects) {
    return new Translator(TranslatorOptions.DEFAULTS)
        .translate(GatewayResources.builder().addAll(withRoute(objects)).build());
  }

  private static StatusBody.GatewayStatus gatewayStatus(TranslationResult r) {
    return (StatusBody.GatewayStatus)
        r.statuses().stream()
            .filter(s -> s.kind().equals("Gateway"))
            .findFirst()
            .orElseThrow()
            .status();
  }

  private static Condition condition(TranslationResult r, String listener, String type) {
    return gatewayStatus(r).listeners().stream()
        .filter(l -> l.name().equals(listener))
        .findFirst()
        .orElseThrow()
        .conditions()
        .stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static IrGateway ir(TranslationResult r) {
    return r.ir().gateways().get(0);
  }

  private static List<String> chainSecrets(IrGateway gw) {
    return gw.listeners().stream()
        .flatMap(l -> l.tlsChains().stream())
        .flatMap(c -> c.secretNames().stream())
        .toList();
  }

  @Test
  void malformedSecret_isAnInvalidCertificateRef_namingTheSecretAndTheProblem() {
    TranslationResult r =
        translate(
            malformedSecret("bad"), gateway("ns", "gw", https("secure", 443, "a.com", "bad")));

    Condition resolved = condition(r, "secure", "ResolvedRefs");
    assertThat(resolved.status()).isEqualTo("False");
    assertThat(resolved.reason()).isEqualTo("InvalidCertificateRef");
    assertThat(resolved.message())
        .isEqualTo(
            "certificateRef Secret ns/bad: tls.crt holds no PEM certificate (BEGIN CERTIFICATE)");
    assertThat(condition(r, "secure", "Programmed").status()).isEqualTo("False");
    assertThat(condition(r, "secure", "Accepted").status()).isEqualTo("True");
    assertThat(gatewayStatus(r).conditions())
        .anySatisfy(c -> assertThat(c.reason()).isEqualTo("ListenersNotValid"));
    assertThat(ir(r).secrets()).isEmpty();
    assertThat(ir(r).listeners()).isEmpty();
  }

  @Test
  void oneBadAmongGoodCertificates_theListenerServesTheGoodOnes_andSaysWhichIsNot() {
    TranslationResult r =
        translate(
            tlsSecret("ns", "good"),
            tlsSecret(
                "ns", "stranger", TestCertificate.ECDSA.chainPem(), TestCertificate.RSA.keyPem()),
            gateway("ns", "gw", httpsWithCertificates("secure", 443, "a.com", "good", "stranger")));

    Condition resolved = condition(r, "secure", "ResolvedRefs");
    assertThat(resolved.status()).isEqualTo("False");
    assertThat(resolved.reason()).isEqualTo("InvalidCertificateRef");
    assertThat(resolved.message())
        .isEqualTo(
            "certificateRef Secret ns/stranger: tls.key is an RSA key and does not match the"
                + " certificate in tls.crt; the listener serves its other certificate ns/good");
    ConservativeCertificateRulesTest.assertNoKeyMaterial(
        resolved.message(), TestCertificate.RSA.keyPem(), TestCertificate.ECDSA.keyPem());
    assertThat(condition(r, "secure", "Programmed").status()).isEqualTo("True");
    assertThat(gatewayStatus(r).conditions())
        .anySatisfy(c -> assertThat(c.reason()).isEqualTo("Accepted"));
    assertThat(chainSecrets(ir(r))).containsExactly("ns/good");
    assertThat(ir(r).secrets()).extracting(IrSecret::name).containsExactly("ns/good");
  }

  @Test
  void everyRefBad_theListenerIsInvalid_andEachProblemIsNamed() {
    TranslationResult r =
        translate(
            malformedSecret("bad"),
            gateway("ns", "gw", httpsWithCertificates("secure", 443, "a.com", "bad", "missing")));

    Condition resolved = condition(r, "secure", "ResolvedRefs");
    assertThat(resolved.reason()).isEqualTo("InvalidCertificateRef");
    assertThat(resolved.message())
        .isEqualTo(
            "certificateRef Secret ns/bad: tls.crt holds no PEM certificate (BEGIN CERTIFICATE);"
                + " certificateRef Secret ns/missing not found");
    assertThat(condition(r, "secure", "Programmed").reason()).isEqualTo("Invalid");
    assertThat(ir(r).secrets()).isEmpty();
  }

  @Test
  void refNotPermitted_besideAGoodCertificate_keepsItsReason_andTheGoodOneServes() {
    Listener listener =
        new Listener(
            "secure",
            Optional.of("a.com"),
            443,
            io.gatewire.domain.model.ListenerProtocol.HTTPS,
            Optional.of(
                new ListenerTls(
                    "Terminate",
                    List.of(
                        new ListenerTls.SecretRef("", "Secret", "other", "cert"),
                        new ListenerTls.SecretRef("", "Secret", null, "good")))),
            io.gatewire.domain.model.AllowedRoutes.SAME_NAMESPACE);
    TranslationResult r =
        translate(
            tlsSecret("other", "cert"), tlsSecret("ns", "good"), gateway("ns", "gw", listener));

    Condition resolved = condition(r, "secure", "ResolvedRefs");
    assertThat(resolved.reason()).isEqualTo("RefNotPermitted");
    assertThat(resolved.message())
        .isEqualTo(
            "certificateRef Secret other/cert is not permitted by any ReferenceGrant; the listener"
                + " serves its other certificate ns/good");
    assertThat(condition(r, "secure", "Programmed").status()).isEqualTo("True");
    assertThat(ir(r).secrets()).extracting(IrSecret::name).containsExactly("ns/good");

    TranslationResult granted =
        translate(
            tlsSecret("other", "cert"),
            tlsSecret("ns", "good"),
            grant("other", "Gateway", "ns", "", "Secret"),
            gateway("ns", "gw", listener));
    assertThat(condition(granted, "secure", "ResolvedRefs").status()).isEqualTo("True");
    assertThat(ir(granted).secrets())
        .extracting(IrSecret::name)
        .containsExactly("ns/good", "other/cert");
  }

  @Test
  void aBadSecretNamedByTwoListeners_reachesNeither_andTlsTerminateIsCheckedToo() {
    TranslationResult r =
        translate(
            malformedSecret("bad"),
            tlsSecret("ns", "good"),
            gateway(
                "ns",
                "gw",
                https("secure", 443, "a.com", "bad"),
                tls("l4", 8443, "db.a.com", "bad"),
                https("fine", 9443, "a.com", "good")));

    for (String name : List.of("secure", "l4")) {
      assertThat(condition(r, name, "ResolvedRefs").reason()).isEqualTo("InvalidCertificateRef");
      assertThat(condition(r, name, "Programmed").status()).isEqualTo("False");
    }
    assertThat(ir(r).secrets()).extracting(IrSecret::name).containsExactly("ns/good");
    assertThat(ir(r).listeners()).extracting(IrListener::port).containsExactly(9443);
  }

  @Test
  void theWiredRules_decide_andUnchangedSecretsAreNotCheckedAgain() {
    AtomicInteger checks = new AtomicInteger();
    CertificateRules refuseAll =
        (chain, key) -> {
          checks.incrementAndGet();
          return Optional.of("refused by the test's rules");
        };
    Translator translator =
        new Translator(TranslatorOptions.DEFAULTS, RegexDialect.conservative(), refuseAll);
    List<KubernetesObject> input =
        withRoute(
            tlsSecret("ns", "good"), gateway("ns", "gw", https("secure", 443, "a.com", "good")));

    Memos memos = new Memos();
    TranslationResult r =
        translator.translate(GatewayResources.builder().addAll(input).build(), memos);
    memos.endGeneration();
    assertThat(condition(r, "secure", "ResolvedRefs").message())
        .isEqualTo("certificateRef Secret ns/good: refused by the test's rules");
    assertThat(checks).hasValue(1);

    // the same bytes in a new Secret value (as an informer delivers it): not checked again
    List<KubernetesObject> again = new ArrayList<>(input);
    again.set(1, tlsSecret("ns", "good"));
    translator.translate(GatewayResources.builder().addAll(again).build(), memos);
    memos.endGeneration();
    assertThat(checks).hasValue(1);

    // changed bytes: checked
    again.set(
        1, tlsSecret("ns", "good", TestCertificate.RSA.chainPem(), TestCertificate.RSA.keyPem()));
    translator.translate(GatewayResources.builder().addAll(again).build(), memos);
    memos.endGeneration();
    assertThat(checks).hasValue(2);
    // one entry per Secret of the latest translation
    assertThat(memos.sizes()).containsEntry(CertificateMemo.CERTIFICATES, 1);
  }

  private static Listener listener(
      String name, ListenerProtocol protocol, ListenerTls.SecretRef... refs) {
    return new Listener(
        name,
        Optional.of("a.com"),
        443,
        protocol,
        Optional.of(new ListenerTls("Terminate", List.of(refs))),
        AllowedRoutes.SAME_NAMESPACE);
  }

  @Test
  void aCertificateRefToAnotherKindOrGroup_isInvalid_namingWhatItIs() {
    TranslationResult kind =
        translate(
            gateway(
                "ns",
                "gw",
                listener(
                    "web",
                    ListenerProtocol.HTTPS,
                    new ListenerTls.SecretRef("", "ConfigMap", null, "cm"))));
    Condition refs = condition(kind, "web", "ResolvedRefs");
    assertThat(refs.reason()).isEqualTo("InvalidCertificateRef");
    assertThat(refs.message())
        .isEqualTo("certificateRef kind ConfigMap cm is not supported: only core Secrets are");

    TranslationResult group =
        translate(
            gateway(
                "ns",
                "gw",
                listener(
                    "web",
                    ListenerProtocol.HTTPS,
                    new ListenerTls.SecretRef("example.com", "Secret", null, "cert"))),
            tlsSecret("ns", "cert"));
    assertThat(condition(group, "web", "ResolvedRefs").message())
        .startsWith("certificateRef example.com/Secret cert is not supported");
    assertThat(condition(group, "web", "Programmed").holds()).isFalse();
  }

  @Test
  void anUnsetGroupAndKind_meanACoreSecret() {
    TranslationResult r =
        translate(
            gateway(
                "ns",
                "gw",
                listener(
                    "web",
                    ListenerProtocol.HTTPS,
                    new ListenerTls.SecretRef(null, null, null, "cert"))),
            tlsSecret("ns", "cert"));
    assertThat(condition(r, "web", "ResolvedRefs").holds()).isTrue();
    assertThat(chainSecrets(ir(r))).containsExactly("ns/cert");
  }

  @Test
  void aTerminatingListenerWithoutCertificateRefs_isInvalid_sayingWhichProtocol() {
    TranslationResult r =
        translate(
            gateway(
                "ns",
                "gw",
                listener("web", ListenerProtocol.HTTPS),
                new Listener(
                    "tls",
                    Optional.of("b.com"),
                    8443,
                    ListenerProtocol.TLS,
                    Optional.of(new ListenerTls("Terminate", List.of())),
                    AllowedRoutes.SAME_NAMESPACE)));
    assertThat(condition(r, "web", "ResolvedRefs").message())
        .isEqualTo("HTTPS listener has no certificateRefs");
    assertThat(condition(r, "tls", "ResolvedRefs").message())
        .isEqualTo("TLS listener has no certificateRefs and its TLS mode is not Passthrough");
  }

  @Test
  void aSecretWithoutTlsKey_isAnInvalidCertificateRef() {
    Secret noKey =
        new Secret(
            ObjectMeta.of("Secret", "v1", "ns", "cert"),
            "kubernetes.io/tls",
            Map.of(
                "tls.crt", TestCertificate.ECDSA.chainPem().getBytes(StandardCharsets.US_ASCII)));
    TranslationResult r = translate(gateway("ns", "gw", https("web", 443, "a.com", "cert")), noKey);
    Condition refs = condition(r, "web", "ResolvedRefs");
    assertThat(refs.reason()).isEqualTo("InvalidCertificateRef");
    assertThat(refs.message())
        .isEqualTo("certificateRef Secret ns/cert has no tls.crt and tls.key");
  }
}
