package io.gatewire.domain.explain;

import java.util.Objects;

/** One thing an input names; a null field is one the input does not say. */
public sealed interface Clue {

  /**
   * An Envoy resource name: a listener, route configuration, virtual host, route, cluster, locality
   * region or filter chain.
   */
  record XdsName(String name) implements Clue {
    public XdsName {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A Gateway, and one of its listeners when {@code listener} is not null. */
  record GatewayClue(String namespace, String name, String listener) implements Clue {
    public GatewayClue {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A route. {@code kind} is compared ignoring case (stats spell it in lower case); a {@code name}
   * with {@code _} also finds a route whose name has {@code .} there (stat names replace dots);
   * {@code rule} is the rule index.
   */
  record RouteClue(String kind, String namespace, String name, Integer rule) implements Clue {
    public RouteClue {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A backend: a Service, ServiceImport or Backend ({@code kind} compared ignoring case) and, when
   * known, its port.
   */
  record BackendClue(String kind, String namespace, String name, Integer port) implements Clue {
    public BackendClue {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }
  }
}
