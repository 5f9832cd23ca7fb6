package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EndpointSlices of each backend, by the label that names it ({@code
 * kubernetes.io/service-name}, or the multi-cluster one for a ServiceImport), and which backends'
 * slices differ between two inputs. The index is remembered ({@link #MEMO}): the same slices give
 * the same index, and changed slices re-index only the backends they touch.
 */
final class SliceIndex {
  /** The EndpointSlices by the backend they name, from the slices. */
  static final String MEMO = "translate.sliceIndex";

  private SliceIndex() {}

  /** The slices that name a backend: by label, and the backend's namespace and name. */
  record SliceKey(String label, String namespace, String name) {
    static SliceKey of(LocalityPlan.Source source) {
      String label = BackendEndpoints.sliceLabel(source);
      ObjectMeta meta = source.backend().meta();
      return label == null ? null : new SliceKey(label, meta.namespace(), meta.name());
    }
  }

  /**
   * The slices by the backend they name, in the order of {@code slices}: the one made for the same
   * slices before, else the previous index with the backends whose slices changed indexed again.
   */
  static Map<SliceKey, List<EndpointSlice>> of(Memos memos, List<EndpointSlice> slices) {
    return memos
        .<String, Map<SliceKey, List<EndpointSlice>>>memo(MEMO)
        .update(
            MEMO,
            slices,
            (List<EndpointSlice> before, Map<SliceKey, List<EndpointSlice>> previous) -> {
              if (previous == null) {
                return index(slices, null);
              }
              Set<SliceKey> touched = touched(before, slices);
              Map<SliceKey, List<EndpointSlice>> index = new HashMap<>(previous);
              index.keySet().removeAll(touched);
              index.putAll(index(slices, touched));
              return index;
            });
  }

  /** The slices of the backends in {@code only} (null: all), by backend. */
  private static Map<SliceKey, List<EndpointSlice>> index(
      List<EndpointSlice> slices, Set<SliceKey> only) {
    Set<String> names = new HashSet<>();
    if (only != null) {
      only.forEach(key -> names.add(key.name()));
    }
    Map<SliceKey, List<EndpointSlice>> index = new HashMap<>();
    for (EndpointSlice slice : slices) {
      if (only != null && !namesAny(slice, names)) {
        continue;
      }
      for (SliceKey key : keys(slice)) {
        if (only == null || only.contains(key)) {
          index.computeIfAbsent(key, k -> new ArrayList<>()).add(slice);
        }
      }
    }
    return index;
  }

  private static boolean namesAny(EndpointSlice slice, Set<String> names) {
    Map<String, String> labels = slice.meta().labels();
    return names.contains(labels.get(EndpointSlice.SERVICE_NAME_LABEL))
        || names.contains(labels.get(EndpointSlice.MCS_SERVICE_NAME_LABEL));
  }

  /**
   * The backends whose slices differ between {@code before} and {@code after} (a slice added,
   * removed or changed, under the labels it had and has). Both lists are sorted by reference.
   */
  static Set<SliceKey> touched(List<EndpointSlice> before, List<EndpointSlice> after) {
    Set<SliceKey> touched = new HashSet<>();
    if (before == after) {
      return touched;
    }
    int i = 0;
    for (EndpointSlice next : after) {
      if (i < before.size() && before.get(i) == next) {
        i++;
        continue;
      }
      while (i < before.size() && ObjectMeta.compareRefs(before.get(i).meta(), next.meta()) < 0) {
        touched.addAll(keys(before.get(i++)));
      }
      EndpointSlice old =
          i < before.size() && ObjectMeta.compareRefs(before.get(i).meta(), next.meta()) == 0
              ? before.get(i++)
              : null;
      if (old != next && (old == null || !old.equals(next))) {
        touched.addAll(keys(next));
        if (old != null) {
          touched.addAll(keys(old));
        }
      }
    }
    while (i < before.size()) {
      touched.addAll(keys(before.get(i++)));
    }
    return touched;
  }

  /** The backends a slice belongs to, by its labels. */
  private static List<SliceKey> keys(EndpointSlice slice) {
    List<SliceKey> keys = new ArrayList<>(1);
    for (String label :
        new String[] {EndpointSlice.SERVICE_NAME_LABEL, EndpointSlice.MCS_SERVICE_NAME_LABEL}) {
      String name = slice.meta().labels().get(label);
      if (name != null) {
        keys.add(new SliceKey(label, slice.meta().namespace(), name));
      }
    }
    return keys;
  }
}
