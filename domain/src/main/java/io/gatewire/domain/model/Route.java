package io.gatewire.domain.model;

import java.util.List;

/** What all route kinds share: they attach to parents and may narrow hostnames. */
public sealed interface Route extends KubernetesObject permits HttpRoute, GrpcRoute, L4Route {
  List<ParentRef> parentRefs();

  /** Hostnames the route asks for; empty for kinds without hostnames (TCP, UDP). */
  List<String> hostnames();
}
