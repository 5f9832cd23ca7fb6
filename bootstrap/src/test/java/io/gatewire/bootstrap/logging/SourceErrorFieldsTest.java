package io.gatewire.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.port.SourceException;
import org.junit.jupiter.api.Test;

class SourceErrorFieldsTest {

  @Test
  void fileLineAndObject_areTakenApart() {
    assertThat(
            SourceErrorFields.of(
                new SourceException(
                    "conf/routes.yaml:12", "HTTPRoute myns/web: spec.rules[0]: bad value")))
        .isEqualTo(
            new SourceErrorFields(
                "conf/routes.yaml", 12, "HTTPRoute myns/web", "spec.rules[0]: bad value"));
  }

  @Test
  void aFileWithoutLine_orWithoutObject_leavesThoseOut() {
    assertThat(
            SourceErrorFields.of(new SourceException("missing.yaml", "no such file or directory")))
        .isEqualTo(new SourceErrorFields("missing.yaml", null, null, "no such file or directory"));
    assertThat(
            SourceErrorFields.of(
                new SourceException("<stdin>:3", "mapping values are not allowed here")))
        .isEqualTo(
            new SourceErrorFields("<stdin>", 3, null, "mapping values are not allowed here"));
  }

  @Test
  void aClusterObject_isTheObject_withNoFile() {
    assertThat(
            SourceErrorFields.of(
                new SourceException(
                    "cluster:HTTPRoute team/web", "spec.hostnames[0]: not a hostname")))
        .isEqualTo(
            new SourceErrorFields(
                null, null, "HTTPRoute team/web", "spec.hostnames[0]: not a hostname"));
    assertThat(SourceErrorFields.of(new SourceException("cluster", "interrupted")))
        .isEqualTo(new SourceErrorFields(null, null, null, "interrupted"));
  }
}
