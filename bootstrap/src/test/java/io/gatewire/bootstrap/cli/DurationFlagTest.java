package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code serve --debounce}: milliseconds or seconds, anything else a usage error. */
class DurationFlagTest {

  @Test
  void millisecondsAndSeconds_areRead() {
    DurationFlag flag = new DurationFlag();

    assertThat(flag.convert("20ms")).isEqualTo(Duration.ofMillis(20));
    assertThat(flag.convert("0ms")).isEqualTo(Duration.ZERO);
    assertThat(flag.convert("2s")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void otherText_isRefused() {
    assertThatThrownBy(() -> new DurationFlag().convert("1.5s"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'1.5s' is not a duration");
  }

  @Test
  void aBadDebounce_isAUsageError() {
    CommandRunner.Run run = CommandRunner.run("serve", "-f", "x.yaml", "--debounce", "soon");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--debounce").contains("'soon' is not a duration");
  }
}
