package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a YAML text is cut into parts that parse on their own. */
class YamlPartsTest {

  @Test
  void documentMarkers_startParts_withTheirLines() {
    String text = "# head\na: 1\n---\nb: 2\nc: 3\n--- # comment\nd: 4\n---\n";

    assertThat(YamlParts.split(text))
        .containsExactly(
            new YamlParts.Part("# head\na: 1\n", 1),
            new YamlParts.Part("---\nb: 2\nc: 3\n", 3),
            new YamlParts.Part("--- # comment\nd: 4\n", 6),
            new YamlParts.Part("---\n", 8));
  }

  @Test
  void markerWithContentAfterIt_andCrLfLines_startParts() {
    assertThat(YamlParts.split("a: 1\r\n--- {b: 2}\r\n---\r\nc: 3\r\n"))
        .extracting(YamlParts.Part::firstLine)
        .containsExactly(1, 2, 3);
  }

  @Test
  void dashesThatAreNotAMarker_doNotCut() {
    String text = "a: ---\n----\n---x: 1\n  ---\n";

    assertThat(YamlParts.split(text)).containsExactly(new YamlParts.Part(text, 1));
  }

  @Test
  void aDirective_orLoneCarriageReturns_keepTheTextWhole() {
    String directive = "a: 1\n%YAML 1.2\n---\nb: 2\n";
    String oldMac = "a: 1\r---\rb: 2\r";

    assertThat(YamlParts.split(directive)).containsExactly(new YamlParts.Part(directive, 1));
    assertThat(YamlParts.split(oldMac)).containsExactly(new YamlParts.Part(oldMac, 1));
  }

  @Test
  void emptyText_isOneEmptyPart() {
    assertThat(YamlParts.split("")).containsExactly(new YamlParts.Part("", 1));
  }
}
