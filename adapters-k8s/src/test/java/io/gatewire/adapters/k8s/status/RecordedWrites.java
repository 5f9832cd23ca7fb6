package io.gatewire.adapters.k8s.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The status writer's events, recorded for assertions. */
final class RecordedWrites implements StatusWriteEvents {
  final List<StatusTarget> written = new CopyOnWriteArrayList<>();
  final List<StatusTarget> unchanged = new CopyOnWriteArrayList<>();
  final List<StatusTarget> conflicted = new CopyOnWriteArrayList<>();
  final List<StatusTarget> failed = new CopyOnWriteArrayList<>();

  @Override
  public void written(StatusTarget target) {
    written.add(target);
  }

  @Override
  public void unchanged(StatusTarget target) {
    unchanged.add(target);
  }

  @Override
  public void conflicted(StatusTarget target) {
    conflicted.add(target);
  }

  @Override
  public void failed(StatusTarget target, RuntimeException cause) {
    failed.add(target);
  }
}
