package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostnamesTest {
  @Test
  void listenerWithoutHostname_takesEveryRouteHostname() {
    assertThat(Hostnames.intersect(Optional.empty(), List.of("b.com", "a.com")))
        .containsExactly("a.com", "b.com");
  }

  @Test
  void noHostnamesOnEitherSide_isEverything() {
    assertThat(Hostnames.intersect(Optional.empty(), List.of())).containsExactly("*");
  }

  @Test
  void routeWithoutHostnames_takesTheListenerHostname() {
    assertThat(Hostnames.intersect(Optional.of("*.example.com"), List.of()))
        .containsExactly("*.example.com");
  }

  @Test
  void wildcardListener_matchesDeeperNames_butNeverTheApex() {
    assertThat(
            Hostnames.intersect(
                Optional.of("*.example.com"),
                List.of("example.com", "foo.example.com", "a.b.example.com")))
        .containsExactly("a.b.example.com", "foo.example.com");
  }

  @Test
  void wildcardRoute_narrowsToExactListenerHostname() {
    assertThat(Hostnames.intersect(Optional.of("foo.example.com"), List.of("*.example.com")))
        .containsExactly("foo.example.com");
  }

  @Test
  void wildcardOnBothSides_keepsTheMoreSpecific() {
    assertThat(
            Hostnames.intersect(
                Optional.of("*.example.com"), List.of("*.foo.example.com", "*.other.com")))
        .containsExactly("*.foo.example.com");
  }

  @Test
  void nonIntersectingHostnames_areDropped() {
    assertThat(Hostnames.intersect(Optional.of("foo.com"), List.of("bar.com"))).isEmpty();
  }

  @Test
  void exactListenerHostname_isMoreSpecificThanWildcard_whichIsMoreSpecificThanNone() {
    assertThat(Hostnames.specificity(Optional.of("a.example.com")))
        .isGreaterThan(Hostnames.specificity(Optional.of("*.example.com")));
    assertThat(Hostnames.specificity(Optional.of("*.example.com")))
        .isGreaterThan(Hostnames.specificity(Optional.empty()));
  }
}
