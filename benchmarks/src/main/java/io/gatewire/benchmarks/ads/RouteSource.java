package io.gatewire.benchmarks.ads;

import io.gatewire.domain.port.ConfigurationSource;
import java.io.IOException;
import java.util.List;

/**
 * Where the churn soak creates and deletes routes: the real source the pipeline watches, fed
 * through its own medium (files in a watched directory here; objects in an API server for a
 * Kubernetes source). Objects are given as manifests, so every medium takes the same input.
 */
public interface RouteSource extends AutoCloseable {
  /** The source the pipeline reads and watches. */
  ConfigurationSource source();

  /**
   * Adds the objects that stay (GatewayClass, Gateway, Services and their EndpointSlices), as
   * manifests.
   */
  void applyBase(String manifests) throws IOException;

  /** Creates the routes. */
  void apply(List<ChurnRoute> routes) throws IOException;

  /** Deletes the routes. */
  void delete(List<ChurnRoute> routes) throws IOException;

  /**
   * Adds input the source rejects, which must leave the last good configuration serving: a manifest
   * beside the routes that does not parse, or, where the medium cannot hold unreadable input (an
   * API server stores only objects), {@code loaded} (one of the routes served now) replaced by a
   * version the decoder rejects. Returns how the rejection shows.
   */
  BrokenInput breakInput(ChurnRoute loaded) throws IOException;

  /**
   * True once the source has read the broken input: for {@link BrokenInput#OBJECT_REFUSED}, when
   * its watch holds the broken version (the pipeline's state shows nothing: the load succeeds).
   */
  boolean brokenInputRead();

  /** Removes what {@link #breakInput} added (or puts the route's good version back). */
  void repairInput() throws IOException;

  /** True once the source has read the repair. */
  boolean repairRead();

  @Override
  void close() throws IOException;

  /** How a source shows input it rejects. */
  enum BrokenInput {
    /**
     * The load fails: the pipeline keeps the last good configuration and reports it stale until
     * repaired.
     */
    LOAD_FAILS,
    /**
     * The source refuses the object and keeps its last good version (the cluster source's
     * DecodedObjects): loads succeed, nothing new is published, the pipeline is never stale.
     */
    OBJECT_REFUSED,
    /**
     * The API server refuses the write (its CRD validation): nothing reaches the source, nothing
     * changes anywhere; checked like {@link #OBJECT_REFUSED}.
     */
    WRITE_REFUSED
  }

  /** One route: its namespace, name and manifest. */
  record ChurnRoute(String namespace, String name, String manifest) {}
}
