package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.AbstractWatch;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A watch held back after a NACK (see {@link NackSuppressingWatcher}): the group it belongs to, the
 * rejected version, how to read the current version from a snapshot, and how to open the real
 * watch. Cancelling it (the library does so when the stream ends or the client asks again) also
 * cancels the real watch if it was opened meanwhile.
 */
final class ParkedWatch {
  private final String group;
  private final String rejectedVersion;
  private final Function<Snapshot, String> currentVersion;
  private final Supplier<? extends AbstractWatch<?, ?>> open;
  private AbstractWatch<?, ?> opened;
  private boolean cancelled;

  ParkedWatch(
      String group,
      String rejectedVersion,
      Function<Snapshot, String> currentVersion,
      Supplier<? extends AbstractWatch<?, ?>> open) {
    this.group = group;
    this.rejectedVersion = rejectedVersion;
    this.currentVersion = currentVersion;
    this.open = open;
  }

  String group() {
    return group;
  }

  boolean stillRejected(Snapshot snapshot) {
    return snapshot != null && currentVersion.apply(snapshot).equals(rejectedVersion);
  }

  /** Opens the real watch, which the cache answers at once because the version changed. */
  void resume() {
    synchronized (this) {
      if (cancelled) {
        return;
      }
    }
    AbstractWatch<?, ?> watch = open.get();
    boolean cancelledMeanwhile;
    synchronized (this) {
      opened = watch;
      cancelledMeanwhile = cancelled;
    }
    if (cancelledMeanwhile) {
      watch.cancel();
    }
  }

  void cancel() {
    AbstractWatch<?, ?> watch;
    synchronized (this) {
      cancelled = true;
      watch = opened;
    }
    if (watch != null) {
      watch.cancel();
    }
  }
}
