package io.gatewire.domain.translate;

import io.gatewire.domain.ir.Instances;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrRouteConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The IR Gateways of the previous translation: a Gateway assembled again from the very same
 * clusters and virtual hosts (the memos hand out the same instances for unchanged parts) and equal
 * listeners, secrets and settings is the previous instance, so a sink can tell "nothing changed" by
 * identity. Only the latest translation's are kept.
 */
final class GatewayMemo {
  private Map<String, IrGateway> current = new HashMap<>();
  private Map<String, IrGateway> previous = new HashMap<>();

  IrGateway unchangedOr(IrGateway built) {
    IrGateway before = previous.get(built.key());
    IrGateway result = before != null && sameParts(before, built) ? before : built;
    current.put(result.key(), result);
    return result;
  }

  /**
   * Takes {@code patched} as the latest translation's Gateway of its key, for a translation that
   * patched the previous IR instead of assembling it (see {@link Translator}); returns it.
   */
  IrGateway patched(IrGateway patched) {
    previous.put(patched.key(), patched);
    return patched;
  }

  /** The entries held, for the current and previous translations. */
  int size() {
    return current.size() + previous.size();
  }

  /** Ends a translation: only the Gateways assembled in it are kept. */
  void roll() {
    previous = current;
    current = new HashMap<>();
  }

  private static boolean sameParts(IrGateway a, IrGateway b) {
    if (!Instances.same(a.clusters(), b.clusters())
        || a.routeConfigs().size() != b.routeConfigs().size()
        || !a.listeners().equals(b.listeners())
        || !a.secrets().equals(b.secrets())
        || !a.settings().equals(b.settings())) {
      return false;
    }
    for (int i = 0; i < a.routeConfigs().size(); i++) {
      IrRouteConfig x = a.routeConfigs().get(i);
      IrRouteConfig y = b.routeConfigs().get(i);
      if (!x.name().equals(y.name()) || !Instances.same(x.virtualHosts(), y.virtualHosts())) {
        return false;
      }
    }
    return true;
  }
}
