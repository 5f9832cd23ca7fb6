package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import java.util.List;

/**
 * Envoy's header mutations for one level (weighted cluster, route, virtual host, route
 * configuration): the removals first, then the additions in order, each by its append action.
 */
final class HeaderEdits {
  private HeaderEdits() {}

  static void apply(Headers headers, List<String> remove, List<HeaderValueOption> add) {
    remove.forEach(headers::remove);
    add.forEach(option -> apply(headers, option));
  }

  static void apply(Headers headers, HeaderValueOption option) {
    String name = option.getHeader().getKey();
    String value = option.getHeader().getValue();
    if (value.isEmpty() && !option.getKeepEmptyValue()) {
      return;
    }
    HeaderAppendAction action = option.getAppendAction();
    if (option.hasAppend()) {
      // The deprecated bool wins when set: true appends, false overwrites.
      action =
          option.getAppend().getValue()
              ? HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD
              : HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD;
    }
    switch (action) {
      case APPEND_IF_EXISTS_OR_ADD:
        headers.add(name, value);
        break;
      case ADD_IF_ABSENT:
        if (!headers.has(name)) {
          headers.add(name, value);
        }
        break;
      case OVERWRITE_IF_EXISTS_OR_ADD:
        headers.set(name, value);
        break;
      case OVERWRITE_IF_EXISTS:
        if (headers.has(name)) {
          headers.set(name, value);
        }
        break;
      default:
        throw new IllegalArgumentException("unknown append action " + action);
    }
  }
}
