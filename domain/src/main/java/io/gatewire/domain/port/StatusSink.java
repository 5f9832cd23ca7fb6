package io.gatewire.domain.port;

import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.List;

/** Takes the status of each input object and the translation's warnings. */
public interface StatusSink {
  void report(List<ObjectStatus> statuses, List<Warning> warnings);
}
