package io.gatewire.domain.ir;

import java.util.List;

/** Headers to set (overwrite), add (append) and remove. */
public record IrHeaderChanges(List<Header> set, List<Header> add, List<String> remove) {
  public static final IrHeaderChanges NONE = new IrHeaderChanges(List.of(), List.of(), List.of());

  public IrHeaderChanges {
    set = List.copyOf(set);
    add = List.copyOf(add);
    remove = List.copyOf(remove);
  }

  public boolean isEmpty() {
    return set.isEmpty() && add.isEmpty() && remove.isEmpty();
  }

  /** A header name and value. */
  public record Header(String name, String value) {}
}
