package io.gatewire.domain.translate;

import java.util.List;

/** A route attached to one listener, serving the given hostnames (the intersection, sorted). */
record Attachment(RoutePlan plan, ListenerState listener, List<String> hostnames) {
  Attachment {
    hostnames = List.copyOf(hostnames);
  }
}
