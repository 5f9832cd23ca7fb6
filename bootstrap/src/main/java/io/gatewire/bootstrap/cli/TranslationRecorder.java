package io.gatewire.bootstrap.cli;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.List;

/** Keeps what one translation published, for commands that print or check it. */
final class TranslationRecorder implements ProxyConfigSink, StatusSink {
  private Ir ir = Ir.EMPTY;
  private List<ObjectStatus> statuses = List.of();

  @Override
  public void publish(Ir published) {
    this.ir = published;
  }

  @Override
  public void report(List<ObjectStatus> reported, List<Warning> warnings) {
    this.statuses = reported;
  }

  Ir ir() {
    return ir;
  }

  List<ObjectStatus> statuses() {
    return statuses;
  }
}
