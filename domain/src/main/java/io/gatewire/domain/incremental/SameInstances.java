package io.gatewire.domain.incremental;

/**
 * A few objects that count as the same only as the very same instances, one by one: a memo input or
 * lookup source that costs a handful of identity checks to compare, however large the objects are.
 * With {@link ResourceChanges}, an unchanged list of one kind of object is the same instance as in
 * the previous input.
 */
public final class SameInstances {
  private final Object[] instances;

  private SameInstances(Object[] instances) {
    this.instances = instances;
  }

  public static SameInstances of(Object... instances) {
    return new SameInstances(instances.clone());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SameInstances other) || other.instances.length != instances.length) {
      return false;
    }
    for (int i = 0; i < instances.length; i++) {
      if (instances[i] != other.instances[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (Object instance : instances) {
      hash = 31 * hash + System.identityHashCode(instance);
    }
    return hash;
  }
}
