package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayDurationsTest {

  @ParameterizedTest(name = "{0} is {1}s {2}ns")
  @CsvSource({
    "10s,        10,   0",
    "500ms,      0,    500000000",
    "1h2m,       3720, 0",
    "1h2m3s4ms,  3723, 4000000",
    "0s,         0,    0",
    "90m,        5400, 0",
    "1500ms,     1,    500000000"
  })
  void gatewayApiDurations_parseToProtobufDurations(String text, long seconds, int nanos) {
    assertThat(GatewayDurations.parse(text))
        .isEqualTo(Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "1.5s", "-1s", "1d", "123456s", "1s1s1s1s1s"})
  void otherText_isRejected(String text) {
    assertThatThrownBy(() -> GatewayDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
