package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.gatewire.domain.ir.IrHeaderChanges;
import java.util.ArrayList;
import java.util.List;

/** Header modifier filters as Envoy header options: set overwrites, add appends. */
final class HeaderMutations {
  private HeaderMutations() {}

  /** The set headers, then the added ones. */
  static List<HeaderValueOption> toAdd(IrHeaderChanges changes) {
    List<HeaderValueOption> options = new ArrayList<>(changes.set().size() + changes.add().size());
    changes
        .set()
        .forEach(h -> options.add(option(h, HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD)));
    changes.add().forEach(h -> options.add(option(h, HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD)));
    return options;
  }

  private static HeaderValueOption option(
      IrHeaderChanges.Header header, HeaderAppendAction action) {
    return HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(header.name()).setValue(header.value()))
        .setAppendAction(action)
        .build();
  }
}
