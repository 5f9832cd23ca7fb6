package io.gatewire.adapters.k8s.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMergeTest {
  private static final String OURS = "gatewire.io/gateway-controller";
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.890Z");
  private final StatusMerge merge = new StatusMerge(OURS);

  private static StatusBody.RouteParentStatus ours(String gateway, Condition... conditions) {
    return new StatusBody.RouteParentStatus(
        new StatusBody.ParentReference(
            "gateway.networking.k8s.io", "Gateway", null, gateway, null, null),
        OURS,
        List.of(conditions));
  }

  private static Map<String, Object> entry(
      String controller, String gateway, String status, String since) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", "Accepted");
    condition.put("status", status);
    condition.put("reason", "Accepted");
    condition.put("message", "m");
    condition.put("observedGeneration", 1);
    condition.put("lastTransitionTime", since);
    return Map.of(
        "parentRef",
        Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", gateway),
        "controllerName",
        controller,
        "conditions",
        List.of(condition));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parents(Map<String, Object> status) {
    return (List<Map<String, Object>>) status.get("parents");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstCondition(Map<String, Object> owner) {
    return ((List<Map<String, Object>>) owner.get("conditions")).get(0);
  }

  @Test
  void ourEntriesAreReplacedInPlaceDroppedWhenGoneAndNewOnesAppended() {
    Map<String, Object> theirs = entry("example.com/other", "a", "True", "2020-01-01T00:00:00Z");
    Map<String, Object> current =
        Map.of(
            "parents",
            List.of(
                entry(OURS, "gone", "True", "2020-01-01T00:00:00Z"),
                theirs,
                entry(OURS, "kept", "True", "2021-01-01T00:00:00Z")));
    StatusBody body =
        new StatusBody.RouteStatus(
            List.of(
                ours("new", Condition.isTrue("Accepted", "Accepted", "m", 2)),
                ours("kept", Condition.isTrue("Accepted", "Accepted", "m", 2))));

    List<Map<String, Object>> merged = parents(merge.merge(body, current, NOW));

    assertThat(merged).hasSize(3);
    assertThat(merged.get(0)).isSameAs(theirs);
    assertThat(((Map<?, ?>) merged.get(1).get("parentRef")).get("name")).isEqualTo("kept");
    assertThat(firstCondition(merged.get(1)))
        .containsEntry("observedGeneration", 2L)
        .containsEntry("lastTransitionTime", "2021-01-01T00:00:00Z");
    assertThat(((Map<?, ?>) merged.get(2).get("parentRef")).get("name")).isEqualTo("new");
    assertThat(firstCondition(merged.get(2)))
        .as("new: now, to the second")
        .containsEntry("lastTransitionTime", "2026-03-04T05:06:07Z");
  }

  @Test
  void aFlippedConditionTakesTheCurrentTime() {
    Map<String, Object> current =
        Map.of("parents", List.of(entry(OURS, "eg", "True", "2021-01-01T00:00:00Z")));
    StatusBody body =
        new StatusBody.RouteStatus(
            List.of(ours("eg", Condition.isFalse("Accepted", "NotAllowedByListeners", "m", 1))));

    Map<String, Object> condition = firstCondition(parents(merge.merge(body, current, NOW)).get(0));

    assertThat(condition)
        .containsEntry("status", "False")
        .containsEntry("lastTransitionTime", "2026-03-04T05:06:07Z");
  }

  @Test
  void detachingARouteWithoutOurEntriesChangesNothing() {
    StatusBody detached = new StatusBody.RouteStatus(List.of());
    assertThat(merge.merge(detached, Map.of(), NOW)).isEmpty();
    Map<String, Object> onlyTheirs =
        Map.of("parents", List.of(entry("example.com/other", "a", "True", "x")));
    assertThat(StatusComparison.same(merge.merge(detached, onlyTheirs, NOW), onlyTheirs)).isTrue();
  }

  @Test
  void fieldsGatewireDoesNotComputeAreKept() {
    Map<String, Object> current =
        Map.of("addresses", List.of(Map.of("type", "IPAddress", "value", "10.0.0.1")));
    StatusBody body =
        new StatusBody.GatewayStatus(
            List.of(Condition.isTrue("Accepted", "Accepted", "ok", 1)),
            List.of(
                new StatusBody.ListenerStatus(
                    "http",
                    3,
                    List.of(new StatusBody.Kind("gateway.networking.k8s.io", "HTTPRoute")),
                    List.of(Condition.isTrue("Programmed", "Programmed", "ok", 1)))));

    Map<String, Object> merged = merge.merge(body, current, NOW);

    assertThat(merged.get("addresses")).isEqualTo(current.get("addresses"));
    assertThat(merged).containsKeys("conditions", "listeners");
  }

  @Test
  void comparisonIgnoresTransitionTimesAndNumberTypesButNothingElse() {
    Map<String, Object> a =
        Map.of(
            "conditions",
            List.of(
                Map.of(
                    "type",
                    "Accepted",
                    "observedGeneration",
                    3L,
                    "lastTransitionTime",
                    "2020-01-01T00:00:00Z")));
    Map<String, Object> sameButRead =
        Map.of(
            "conditions",
            List.of(
                Map.of(
                    "type",
                    "Accepted",
                    "observedGeneration",
                    3,
                    "lastTransitionTime",
                    "2026-01-01T00:00:00Z")));
    Map<String, Object> otherGeneration =
        Map.of("conditions", List.of(Map.of("type", "Accepted", "observedGeneration", 4)));
    Map<String, Object> extraField =
        Map.of(
            "conditions",
            List.of(Map.of("type", "Accepted", "observedGeneration", 3, "reason", "x")));

    assertThat(StatusComparison.same(a, sameButRead)).isTrue();
    assertThat(StatusComparison.same(a, otherGeneration)).isFalse();
    assertThat(StatusComparison.same(a, extraField)).isFalse();
    assertThat(StatusComparison.same(extraField, a)).isFalse();
  }
}
