package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code gatewire explain}'s usage: what it cannot read is a usage error (exit 2), an input file it
 * cannot read exits 1, and a request's headers reach the simulated request.
 */
class ExplainCommandTest {
  private static final String INPUT = "src/test/resources/explain/input.yaml";

  @Test
  void questionsItCannotRead_areUsageErrors() {
    String[][] bad = {
      {"{not a label set"},
      {"{\"method\":\"GET\"}"},
      {"{\"gateway_name\": "},
      {"https://"},
      {"http://shop.example.com/", "-H", "no colon"},
    };
    for (String[] question : bad) {
      String[] args = new String[question.length + 3];
      args[0] = "explain";
      args[1] = "-f";
      args[2] = INPUT;
      System.arraycopy(question, 0, args, 3, question.length);
      CommandRunner.Run run = CommandRunner.run(args);
      assertThat(run.exitCode()).as(String.join(" ", question) + ": " + run.err()).isEqualTo(2);
    }
  }

  @Test
  void anUnreadableInput_exits1() {
    CommandRunner.Run run = CommandRunner.run("explain", "-f", "no/such/file.yaml", "myns/eg/80");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no/such/file.yaml");
  }

  @Test
  void aRequestsMethodAndHeaders_areSimulated() {
    CommandRunner.Run run =
        CommandRunner.run(
            "explain",
            "-f",
            INPUT,
            "-X",
            "POST",
            "-H",
            "X-Test: 1",
            "http://shop.example.com/cart");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
    assertThat(run.out())
        .startsWith("request to Gateway myns/eg port 80: POST http://shop.example.com/cart");
  }
}
