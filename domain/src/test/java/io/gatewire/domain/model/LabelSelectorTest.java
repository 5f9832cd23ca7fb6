package io.gatewire.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes label selector semantics, as a listener's {@code allowedRoutes.namespaces.selector}
 * applies them to namespace labels: every matchLabel and every matchExpression must hold.
 */
class LabelSelectorTest {
  private static final Map<String, String> PROD = Map.of("env", "prod", "team", "a");

  private static LabelSelector labels(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelector(
        Map.of(), List.of(new LabelSelector.Requirement(key, operator, List.of(values))));
  }

  @Test
  void emptySelector_matchesEveryNamespace() {
    assertThat(labels(Map.of()).matches(PROD)).isTrue();
    assertThat(labels(Map.of()).matches(Map.of())).isTrue();
  }

  @Test
  void matchLabels_needEveryPairWithTheSameValue() {
    assertThat(labels(Map.of("env", "prod")).matches(PROD)).isTrue();
    assertThat(labels(Map.of("env", "prod", "team", "a")).matches(PROD)).isTrue();
    assertThat(labels(Map.of("env", "dev")).matches(PROD)).isFalse();
    assertThat(labels(Map.of("env", "prod", "team", "b")).matches(PROD)).isFalse();
    assertThat(labels(Map.of("zone", "x")).matches(PROD)).isFalse();
  }

  @Test
  void in_needsTheLabelWithOneOfTheValues() {
    assertThat(expression("env", "In", "dev", "prod").matches(PROD)).isTrue();
    assertThat(expression("env", "In", "dev").matches(PROD)).isFalse();
    assertThat(expression("zone", "In", "prod").matches(PROD)).isFalse();
  }

  @Test
  void notIn_holdsWhenTheLabelIsAbsentOrHasAnotherValue() {
    assertThat(expression("env", "NotIn", "dev").matches(PROD)).isTrue();
    assertThat(expression("zone", "NotIn", "prod").matches(PROD)).isTrue();
    assertThat(expression("env", "NotIn", "dev", "prod").matches(PROD)).isFalse();
  }

  @Test
  void existsAndDoesNotExist_lookAtTheKeyOnly() {
    assertThat(expression("env", "Exists").matches(PROD)).isTrue();
    assertThat(expression("zone", "Exists").matches(PROD)).isFalse();
    assertThat(expression("zone", "DoesNotExist").matches(PROD)).isTrue();
    assertThat(expression("env", "DoesNotExist").matches(PROD)).isFalse();
  }

  @Test
  void anUnknownOperator_matchesNothing() {
    assertThat(expression("env", "Gt", "1").matches(PROD)).isFalse();
  }

  @Test
  void labelsAndExpressions_mustAllHold() {
    LabelSelector selector =
        new LabelSelector(
            Map.of("env", "prod"),
            List.of(
                new LabelSelector.Requirement("team", "In", List.of("a")),
                new LabelSelector.Requirement("zone", "DoesNotExist", List.of())));
    assertThat(selector.matches(PROD)).isTrue();
    assertThat(selector.matches(Map.of("env", "prod", "team", "b"))).isFalse();
    assertThat(selector.matches(Map.of("env", "dev", "team", "a"))).isFalse();
    assertThat(selector.matches(Map.of("env", "prod", "team", "a", "zone", "x"))).isFalse();
  }
}
