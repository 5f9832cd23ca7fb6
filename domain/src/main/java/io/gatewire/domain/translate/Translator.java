package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.model.GatewayResources;
import java.util.List;
import java.util.Objects;

/**
 * Gateway API to IR, status and warnings: a pure function of the resources. It runs in two steps,
 * as Contour keeps endpoints out of its DAG: {@link RoutingTranslator} decides listeners, routes,
 * clusters and every status from everything but EndpointSlices, then {@link EndpointsTranslator}
 * adds the clusters' endpoints from the slices.
 *
 * <p>With a {@link Memos} table kept across translations, work whose inputs did not change is
 * reused: the first step as a whole when only EndpointSlices changed ({@link #ROUTING}), else route
 * plans, virtual hosts, endpoints, clusters and IR Gateways one by one. The result is the same as
 * without it; only its unchanged parts are the instances computed before, which lets a sink tell
 * what changed by identity.
 */
public final class Translator {
  /** The first step's result, from every input but EndpointSlices. */
  static final String ROUTING = "translate.routing";

  private final TranslatorOptions options;
  private final RegexDialect regexes;
  private final CertificateRules certificates;

  /**
   * A translator that checks regular expressions with {@link RegexDialect#conservative()} and
   * certificates with {@link CertificateRules#conservative()}.
   */
  public Translator(TranslatorOptions options) {
    this(options, RegexDialect.conservative());
  }

  /**
   * A translator that drops the rules whose regular expressions {@code regexes} refuses; it checks
   * certificates with {@link CertificateRules#conservative()}.
   */
  public Translator(TranslatorOptions options, RegexDialect regexes) {
    this(options, regexes, CertificateRules.conservative());
  }

  /**
   * A translator that drops the rules whose regular expressions {@code regexes} refuses and does
   * not serve the listener certificates {@code certificates} refuses.
   */
  public Translator(
      TranslatorOptions options, RegexDialect regexes, CertificateRules certificates) {
    this.options = options;
    this.regexes = regexes;
    this.certificates = certificates;
  }

  /** Translates {@code resources}. */
  public TranslationResult translate(GatewayResources resources) {
    return translate(resources, new Memos());
  }

  /**
   * Translates {@code resources}, reusing what {@code memos} remembers of earlier translations
   * whose inputs were the same. The caller owns the table and ends its generation after each
   * translation ({@link Memos#endGeneration()}).
   */
  public TranslationResult translate(GatewayResources resources, Memos memos) {
    Memo<String, Routing> routing = memos.memo(ROUTING);
    Routing decided =
        routing.get(
            ROUTING,
            new RoutingInputs(options, regexes, certificates, resources),
            () ->
                new RoutingTranslator(options, regexes, certificates, memos)
                    .translate(resources.withEndpointSlices(List.of())));
    return decided
        .outcome()
        .withIr(
            EndpointsTranslator.translate(
                memos, options.metadata(), decided.gateways(), resources.endpointSlices()));
  }

  /** What the first step reads: the options and every input but EndpointSlices. */
  private record RoutingInputs(
      TranslatorOptions options,
      RegexDialect regexes,
      CertificateRules certificates,
      GatewayResources resources) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RoutingInputs other)) {
        return false;
      }
      GatewayResources a = resources;
      GatewayResources b = other.resources;
      return options.equals(other.options)
          && regexes.equals(other.regexes)
          && certificates.equals(other.certificates)
          && a.gatewayClasses().equals(b.gatewayClasses())
          && a.gateways().equals(b.gateways())
          && a.httpRoutes().equals(b.httpRoutes())
          && a.grpcRoutes().equals(b.grpcRoutes())
          && a.l4Routes().equals(b.l4Routes())
          && a.referenceGrants().equals(b.referenceGrants())
          && a.services().equals(b.services())
          && a.serviceImports().equals(b.serviceImports())
          && a.backends().equals(b.backends())
          && a.namespaces().equals(b.namespaces())
          && a.secrets().equals(b.secrets())
          && a.proxySettings().equals(b.proxySettings());
    }

    @Override
    public int hashCode() {
      return Objects.hash(options, regexes);
    }
  }
}
