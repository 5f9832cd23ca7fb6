package io.gatewire.domain.translate;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParametersReference;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.status.Warning;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves each Gateway's {@link GatewaySettings}: the command line's defaults, overridden field by
 * field by the ProxySettings its GatewayClass's {@code parametersRef} names, overridden by the one
 * its own {@code infrastructure.parametersRef} names. A reference that does not resolve (another
 * group or kind, no namespace on a class's reference, no such object) is a problem that the class's
 * or Gateway's status reports ({@code InvalidParameters}); that level then counts as unset, so the
 * Gateway keeps being programmed with the levels that do resolve.
 */
final class ProxySettingsResolver {
  private final ProxySettingsSpec defaults;
  private final Map<ObjectRef, ProxySettings> objects;
  private final Consumer<Warning> warnings;

  ProxySettingsResolver(
      ProxySettingsSpec defaults, List<ProxySettings> objects, Consumer<Warning> warnings) {
    this.defaults = defaults;
    this.objects =
        objects.stream().collect(Collectors.toMap(ProxySettings::ref, Function.identity()));
    this.warnings = warnings;
  }

  /** Why the class's {@code parametersRef} does not resolve; empty when it does or is absent. */
  Optional<String> classProblem(GatewayClass gatewayClass) {
    return gatewayClass.parametersRef().flatMap(ref -> problem(ref, ref.namespace().orElse(null)));
  }

  /**
   * Why the Gateway's {@code infrastructure.parametersRef} does not resolve; empty when it does or
   * is absent.
   */
  Optional<String> gatewayProblem(Gateway gateway) {
    return gateway.parametersRef().flatMap(ref -> problem(ref, gateway.meta().namespace()));
  }

  /** The settings of {@code gateway}, a Gateway of {@code gatewayClass}. */
  GatewaySettings settings(Gateway gateway, GatewayClass gatewayClass) {
    ProxySettingsSpec merged =
        defaults
            .overriddenBy(
                spec(
                    gatewayClass.parametersRef(),
                    gatewayClass
                        .parametersRef()
                        .flatMap(ParametersReference::namespace)
                        .orElse(null)))
            .overriddenBy(spec(gateway.parametersRef(), gateway.meta().namespace()));
    if (merged.tracing() != null
        && Boolean.TRUE.equals(merged.tracing().enabled())
        && merged.tracing().collector() == null) {
      warnings.accept(
          new Warning(
              gateway.ref(),
              "tracing is enabled but no collector is set (tracing.collector, or --tracing-collector):"
                  + " no spans are sent"));
    }
    return merged.resolve();
  }

  private ProxySettingsSpec spec(Optional<ParametersReference> ref, String namespace) {
    if (ref.isEmpty() || problem(ref.get(), namespace).isPresent()) {
      return ProxySettingsSpec.EMPTY;
    }
    return objects.get(target(ref.get(), namespace)).spec();
  }

  private Optional<String> problem(ParametersReference ref, String namespace) {
    if (!ref.namesProxySettings()) {
      return Optional.of(
          "parametersRef "
              + ref
              + " is not supported: Gatewire reads parameters from "
              + ProxySettings.GROUP
              + " "
              + ProxySettings.KIND
              + " only");
    }
    if (namespace == null) {
      return Optional.of(
          "parametersRef " + ref + " has no namespace; a ProxySettings is namespaced");
    }
    if (!objects.containsKey(target(ref, namespace))) {
      return Optional.of(
          "parametersRef "
              + ref
              + " names ProxySettings "
              + namespace
              + "/"
              + ref.name()
              + ", which does not exist");
    }
    return Optional.empty();
  }

  private static ObjectRef target(ParametersReference ref, String namespace) {
    return new ObjectRef(ProxySettings.KIND, namespace, ref.name());
  }
}
