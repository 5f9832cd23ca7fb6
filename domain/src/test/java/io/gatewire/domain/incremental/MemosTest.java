package io.gatewire.domain.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The rules of reuse: when a remembered value is handed back, and when it is forgotten. */
class MemosTest {
  private final Memos memos = new Memos();
  private final Memo<String, String> memo = memos.memo("test");
  private final AtomicInteger computed = new AtomicInteger();

  private String compute(String input) {
    computed.incrementAndGet();
    return new String("value of " + input);
  }

  @Test
  void sameOrEqualInputs_giveTheVeryInstanceComputedBefore() {
    String first = memo.get("k", "a", () -> compute("a"));
    String again = memo.get("k", new String("a"), () -> compute("a"));

    assertThat(again).isSameAs(first);
    assertThat(computed).hasValue(1);
  }

  @Test
  void otherInputs_orAnotherKey_computeAgain() {
    String first = memo.get("k", "a", () -> compute("a"));
    String changed = memo.get("k", "b", () -> compute("b"));
    String otherKey = memo.get("other", "b", () -> compute("b"));

    assertThat(changed).isEqualTo("value of b").isNotSameAs(first);
    assertThat(otherKey).isNotSameAs(changed);
    assertThat(computed).hasValue(3);
    assertThat(memos.memo("test")).isSameAs(memo);
  }

  @Test
  void aValue_holdsOnlyWhileEveryAnswerItLookedUp_isTheSame() {
    Map<String, String> world = new HashMap<>(Map.of("x", "1"));
    Function<String, String> lookup = world::get;
    Function<Function<String, String>, String> computeFromX =
        ask -> {
          computed.incrementAndGet();
          return "x=" + ask.apply("x");
        };

    assertThat(memo.get("k", "in", lookup, computeFromX)).isEqualTo("x=1");
    assertThat(memo.get("k", "in", lookup, computeFromX)).isEqualTo("x=1");
    assertThat(computed).hasValue(1);

    world.put("x", "2");
    assertThat(memo.get("k", "in", lookup, computeFromX)).isEqualTo("x=2");
    assertThat(computed).hasValue(2);
  }

  @Test
  void whileTheLookupSourceIsTheSame_theAnswersAreNotAskedAgain_otherwiseEachIs() {
    Map<String, String> world = new HashMap<>(Map.of("x", "1"));
    List<String> asked = new ArrayList<>();
    Function<String, String> lookup =
        q -> {
          asked.add(q);
          return world.get(q);
        };
    Function<Function<String, String>, String> computeFromX =
        ask -> {
          computed.incrementAndGet();
          return "x=" + ask.apply("x");
        };
    SameInstances source = SameInstances.of(world);

    assertThat(memo.get("k", "in", source, lookup, computeFromX)).isEqualTo("x=1");
    assertThat(memo.get("k", "in", SameInstances.of(world), lookup, computeFromX)).isEqualTo("x=1");
    assertThat(asked).as("asked while computing only").containsExactly("x");

    Map<String, String> sameAnswers = new HashMap<>(world);
    assertThat(memo.get("k", "in", SameInstances.of(sameAnswers), sameAnswers::get, computeFromX))
        .isEqualTo("x=1");
    assertThat(computed).as("another source that answers the same").hasValue(1);
    asked.clear();
    Function<String, String> countingSameAnswers =
        q -> {
          asked.add(q);
          return sameAnswers.get(q);
        };
    memo.get("k", "in", SameInstances.of(sameAnswers), countingSameAnswers, computeFromX);
    assertThat(asked).as("that source is now the one remembered").isEmpty();

    Map<String, String> otherAnswers = Map.of("x", "2");
    assertThat(memo.get("k", "in", SameInstances.of(otherAnswers), otherAnswers::get, computeFromX))
        .isEqualTo("x=2");
    assertThat(memo.get("k", "other", SameInstances.of(otherAnswers), lookup, computeFromX))
        .as("other inputs, whatever the source")
        .isEqualTo("x=1");
    assertThat(computed).hasValue(3);
  }

  @Test
  void sameInstances_areEqualOnlyForTheVeryInstances_inOrder() {
    List<String> a = new ArrayList<>(List.of("x"));
    List<String> equalToA = new ArrayList<>(a);
    List<String> b = List.of("y");

    assertThat(SameInstances.of(a, b)).isEqualTo(SameInstances.of(a, b));
    assertThat(SameInstances.of(a, b)).hasSameHashCodeAs(SameInstances.of(a, b));
    assertThat(SameInstances.of(a, b)).isNotEqualTo(SameInstances.of(equalToA, b));
    assertThat(SameInstances.of(a, b)).isNotEqualTo(SameInstances.of(b, a));
    assertThat(SameInstances.of(a, b)).isNotEqualTo(SameInstances.of(a));
    assertThat(SameInstances.of(a)).isNotEqualTo(a);
  }

  @Test
  void update_isGivenThePreviousInputsAndValue_toReuseWhatItCan() {
    List<String> seen = new ArrayList<>();
    memo.update(
        "k", "a", (String before, String value) -> seen.add(before + "," + value) ? "A" : "");
    memo.update("k", "a", (String before, String value) -> seen.add("never") ? "X" : "");
    memo.update(
        "k", "b", (String before, String value) -> seen.add(before + "," + value) ? "B" : "");

    assertThat(seen).containsExactly("null,null", "a,A");
  }

  @Test
  void endingAGeneration_forgetsWhatTheLatestComputationDidNotUse() {
    memo.get("kept", "a", () -> compute("a"));
    memo.get("dropped", "b", () -> compute("b"));
    memos.endGeneration();
    assertThat(memos.sizes()).containsEntry("test", 2);

    memo.get("kept", "a", () -> compute("a"));
    memos.endGeneration();

    assertThat(memos.sizes()).containsEntry("test", 1);
    memo.get("dropped", "b", () -> compute("b"));
    assertThat(computed).as("the forgotten one is computed again").hasValue(3);
  }

  @Test
  void reusingAValue_keepsTheEntriesItWasComputedWith() {
    Memo<String, String> outer = memos.memo("outer");
    outer.get("o", "in", () -> memo.get("inner", "a", () -> compute("a")) + "!");
    memos.endGeneration();

    outer.get("o", "in", () -> memo.get("inner", "a", () -> compute("a")) + "!");
    memos.endGeneration();

    assertThat(memos.sizes()).containsEntry("outer", 1).containsEntry("test", 1);
    assertThat(computed).hasValue(1);
  }

  @Test
  void aValueReplacedForItsKey_isCountedOnce() {
    memo.get("k", "a", () -> compute("a"));
    memo.get("k", "b", () -> compute("b"));
    memos.endGeneration();
    memo.get("k", "b", () -> compute("b"));
    memos.endGeneration();

    assertThat(memos.sizes()).containsEntry("test", 1);
    assertThat(computed).hasValue(2);
  }

  @Test
  void aGenerationCannotEnd_whileAComputationRuns() {
    assertThatThrownBy(
            () ->
                memo.get(
                    "k",
                    "a",
                    () -> {
                      memos.endGeneration();
                      return "never";
                    }))
        .isInstanceOf(IllegalStateException.class);
  }
}
