package io.gatewire.benchmarks.ads;

import io.gatewire.domain.port.ConfigurationSource;
import java.io.IOException;
import java.util.List;

/**
 * Where the churn soak creates and deletes routes: the real source the pipeline watches, fed through
 * its own medium (files in a watched directory here; objects in an API server for a Kubernetes source).
 * Objects are given as manifests, so every medium takes the same input.
 */
public interface RouteSource extends AutoCloseable {
  /** The source the pipeline reads and watches. */
  ConfigurationSource source();

  /** Adds the objects that stay (GatewayClass, Gateway, Services and their EndpointSlices), as manifests. */
  void applyBase(String manifests) throws IOException;

  /** Creates the routes. */
  void apply(List<ChurnRoute> routes) throws IOException;

  /** Deletes the routes. */
  void delete(List<ChurnRoute> routes) throws IOException;

  /**
   * Adds input the source cannot read (a manifest that does not parse), which must leave the last good
   * configuration serving; false, having done nothing, when this medium cannot hold such input.
   */
  boolean breakInput() throws IOException;

  /** Removes what {@link #breakInput()} added. */
  void repairInput() throws IOException;

  @Override
  void close() throws IOException;

  /** One route: its namespace, name and manifest. */
  record ChurnRoute(String namespace, String name, String manifest) {}
}
