package io.gatewire.domain.status;

/**
 * A status condition. {@code lastTransitionTime} is left to whoever writes status, since it depends
 * on the previous status, not on the translation.
 */
public record Condition(
    String type, String status, String reason, String message, long observedGeneration) {
  public static Condition isTrue(String type, String reason, String message, long generation) {
    return new Condition(type, "True", reason, message, generation);
  }

  public static Condition isFalse(String type, String reason, String message, long generation) {
    return new Condition(type, "False", reason, message, generation);
  }

  public boolean holds() {
    return "True".equals(status);
  }
}
