package io.gatewire.domain.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.ObjectRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statuses and warnings come out in one order whatever the input's (deterministic output): by kind,
 * namespace and name; global warnings first.
 */
class StatusOrderTest {
  private static ObjectStatus status(String kind, String namespace, String name) {
    return new ObjectStatus(
        kind, "v1", namespace, name, new StatusBody.GatewayClassStatus(List.of()));
  }

  @Test
  void statusesAreOrderedByKindNamespaceAndName() {
    List<ObjectStatus> ordered =
        List.of(
            status("Gateway", "a", "z"),
            status("Gateway", "b", "a"),
            status("Gateway", "b", "b"),
            status("HTTPRoute", "a", "a"));
    List<ObjectStatus> shuffled = new ArrayList<>(ordered);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(ordered);
  }

  @Test
  void globalWarningsComeFirstThenByObjectThenByMessage() {
    Warning global = new Warning(null, "z");
    Warning a1 = new Warning(new ObjectRef("Gateway", "ns", "a"), "m1");
    Warning a2 = new Warning(new ObjectRef("Gateway", "ns", "a"), "m2");
    Warning b = new Warning(new ObjectRef("Gateway", "ns", "b"), "a");
    List<Warning> shuffled = new ArrayList<>(List.of(b, a2, a1, global));
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactly(global, a1, a2, b);
    assertThat(global).hasToString("z");
    assertThat(a1).hasToString(a1.object() + ": m1");
  }

  @Test
  void aConditionHoldsWhenItsStatusIsTrue() {
    assertThat(Condition.isTrue("Accepted", "Accepted", "ok", 3))
        .isEqualTo(new Condition("Accepted", "True", "Accepted", "ok", 3));
    assertThat(Condition.isTrue("Accepted", "Accepted", "ok", 3).holds()).isTrue();
    assertThat(Condition.isFalse("Accepted", "Invalid", "no", 3))
        .isEqualTo(new Condition("Accepted", "False", "Invalid", "no", 3));
    assertThat(Condition.isFalse("Accepted", "Invalid", "no", 3).holds()).isFalse();
    assertThat(new Condition("Accepted", "Unknown", "Pending", "", 1).holds()).isFalse();
  }
}
