package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The virtual hosts of the previous translation, each with what it was built from: the route plans
 * (by instance: {@link PlanMemo} hands out the same plan for an unchanged route) and the Gateway
 * listeners that contributed them, in order. A virtual host built from the same contributions is
 * the previous instance, with its metadata warnings replayed. Only the latest translation's are
 * kept.
 */
final class VirtualHostMemo {
  /**
   * One attachment added to a virtual host: the route's plan and the Gateway listener it came
   * through.
   */
  record Contribution(RoutePlan plan, ObjectMeta gateway, Listener listener) {
    boolean sameAs(Contribution other) {
      return plan == other.plan
          && (gateway == other.gateway || gateway.equals(other.gateway))
          && (listener == other.listener || listener.equals(other.listener));
    }
  }

  private record Entry(
      List<Contribution> contributions, IrVirtualHost host, List<Warning> warnings) {}

  private final MetadataOptions options;
  private Map<String, Entry> current = new HashMap<>();
  private Map<String, Entry> previous = new HashMap<>();

  VirtualHostMemo(MetadataOptions options) {
    this.options = options;
  }

  /**
   * The virtual host {@code key} (its name and domain) built from {@code contributions}:
   * remembered, or built by {@code build}.
   */
  IrVirtualHost host(
      String key,
      List<Contribution> contributions,
      Function<ProvenanceRules, IrVirtualHost> build,
      Consumer<Warning> warnings) {
    Entry entry = current.get(key);
    if (entry == null) {
      entry = previous.get(key);
    }
    if (entry == null || !same(entry.contributions(), contributions)) {
      List<Warning> emitted = new ArrayList<>();
      IrVirtualHost host = build.apply(new ProvenanceRules(options, emitted::add));
      entry = new Entry(List.copyOf(contributions), host, List.copyOf(emitted));
    }
    entry.warnings().forEach(warnings);
    current.put(key, entry);
    return entry.host();
  }

  /** The entries held, for the current and previous translations. */
  int size() {
    return current.size() + previous.size();
  }

  /** Ends a translation: only the virtual hosts built in it are kept. */
  void roll() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }

  private static boolean same(List<Contribution> a, List<Contribution> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).sameAs(b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
