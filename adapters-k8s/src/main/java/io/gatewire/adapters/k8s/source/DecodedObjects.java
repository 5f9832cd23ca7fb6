package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.gatewire.adapters.k8s.decode.DecodedDocument;
import io.gatewire.adapters.k8s.decode.DocumentLocation;
import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.SourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decoded form of every informer object, kept between loads by (uid, resourceVersion), so a
 * load decodes only the objects that changed since the last one. An object that fails to decode is
 * logged once per version, naming it and what is wrong, and keeps its last good decoded form (what
 * is served is not lost); an object never decoded successfully is left out. A Secret's error is
 * logged without the decoder's detail, which could quote key material.
 *
 * <p>A load is a round: {@link #read} every object, then {@link #finish} tells whether anything
 * decoded differs from the previous round. Not thread-safe: the source loads under its lock.
 */
final class DecodedObjects {
  private static final Logger LOG = LoggerFactory.getLogger(DecodedObjects.class);

  private final ManifestDecoder decoder = new ManifestDecoder();
  private final ObjectTrees trees;
  private Map<String, Entry> previous = Map.of();
  private Map<String, Entry> current = new HashMap<>();
  private boolean changed;

  DecodedObjects(ObjectTrees trees) {
    this.trees = trees;
  }

  /** One object of this round. */
  void read(ServedKind kind, GenericKubernetesResource resource) {
    ObjectMeta meta = resource.getMetadata();
    String key = kind.kind().kind() + " " + meta.getNamespace() + "/" + meta.getName();
    Entry before = previous.get(key);
    if (before != null && before.isVersion(meta.getUid(), meta.getResourceVersion())) {
      current.put(key, before);
      return;
    }
    KubernetesObject good = before == null ? null : before.good();
    String goodVersion = before == null ? null : before.goodResourceVersion();
    DocumentLocation location =
        DocumentLocation.cluster(kind.kind().kind(), meta.getNamespace(), meta.getName());
    try {
      DecodedDocument decoded = decoder.decode(trees.tree(resource, kind), location);
      if (decoded.objects().size() != 1) {
        throw new SourceException(
            location.start(), "not an object Gatewire reads: " + decoded.warnings());
      }
      KubernetesObject now = decoded.objects().get(0).object();
      changed |= !now.equals(good);
      good = now;
      goodVersion = meta.getResourceVersion();
    } catch (SourceException e) {
      logFailure(kind, location, e, good != null);
    }
    current.put(key, new Entry(meta.getUid(), meta.getResourceVersion(), good, goodVersion));
  }

  /**
   * Ends the round: true when an object decoded to something new (a new resourceVersion that
   * decodes to the same record, as after a status write, is no change) or one that was decoded is
   * gone.
   */
  boolean finish() {
    boolean roundChanged = changed;
    for (Map.Entry<String, Entry> gone : previous.entrySet()) {
      if (!current.containsKey(gone.getKey()) && gone.getValue().good() != null) {
        roundChanged = true;
      }
    }
    previous = current;
    current = new HashMap<>();
    changed = false;
    return roundChanged;
  }

  /** The decoded objects of the last finished round. */
  List<KubernetesObject> objects() {
    List<KubernetesObject> objects = new ArrayList<>();
    for (Entry entry : previous.values()) {
      if (entry.good() != null) {
        objects.add(entry.good());
      }
    }
    return objects;
  }

  /**
   * The resourceVersion whose decoded form the last finished round holds for {@code ref} (its last
   * good version), or empty when it holds none.
   */
  Optional<String> resourceVersion(ObjectRef ref) {
    Entry entry =
        previous.get(
            ref.kind()
                + " "
                + (ref.namespace().isEmpty() ? null : ref.namespace())
                + "/"
                + ref.name());
    return entry == null || entry.good() == null
        ? Optional.empty()
        : Optional.ofNullable(entry.goodResourceVersion());
  }

  /** The decoded objects of the round in progress. */
  List<KubernetesObject> objectsSoFar() {
    List<KubernetesObject> objects = new ArrayList<>();
    for (Entry entry : current.values()) {
      if (entry.good() != null) {
        objects.add(entry.good());
      }
    }
    return objects;
  }

  private static void logFailure(
      ServedKind kind, DocumentLocation location, SourceException e, boolean kept) {
    String what =
        "Secret".equals(kind.kind().kind())
            ? location.start()
                + ": not a valid Secret (details withheld: they could show key material)"
            : e.getMessage();
    LOG.warn("{}; {}", what, kept ? "keeping its last good version" : "left out until it is fixed");
  }

  /**
   * What one object decoded to at one version; {@code good} is its last good form, null if none,
   * read at {@code goodResourceVersion}.
   */
  private record Entry(
      String uid, String resourceVersion, KubernetesObject good, String goodResourceVersion) {
    boolean isVersion(String otherUid, String otherResourceVersion) {
      return Objects.equals(uid, otherUid)
          && resourceVersion != null
          && resourceVersion.equals(otherResourceVersion);
    }
  }
}
