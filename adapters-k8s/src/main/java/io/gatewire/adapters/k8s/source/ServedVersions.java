package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gatewire.domain.port.SourceException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the version to watch for each kind: the first of its {@link WatchedKind#versions()} whose
 * group-version discovery document ({@code GET /apis/<group>/<version>}, readable without any RBAC
 * rule) lists the kind's plural. Asking per group-version rather than per group matters: in one
 * group HTTPRoute may be served as v1 while TCPRoute is only served as v1alpha2. A group-version
 * the server does not serve answers 404 (or, on fabric8's CRUD mock, an empty list): the kind is
 * not served there. Built-in kinds are not looked up.
 */
final class ServedVersions {
  private static final Logger LOG = LoggerFactory.getLogger(ServedVersions.class);

  private final KubernetesClient client;
  private final Map<String, List<String>> pluralsByGroupVersion = new HashMap<>();

  ServedVersions(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The served version of each kind. An optional kind the cluster does not serve is left out with
   * one INFO line.
   *
   * @throws SourceException when a required kind is not served, or discovery fails
   */
  List<ServedKind> resolve(List<WatchedKind> kinds) throws SourceException {
    List<ServedKind> served = new ArrayList<>();
    for (WatchedKind kind : kinds) {
      Optional<String> version =
          kind.builtIn() ? Optional.of(kind.versions().get(0)) : servedVersion(kind);
      if (version.isPresent()) {
        served.add(new ServedKind(kind, version.get()));
      } else if (kind.optional()) {
        LOG.info(
            "not watching {}: the cluster serves none of {} (CRD not installed)",
            kind.kind(),
            kind.versions().stream().map(kind::apiVersion).toList());
      } else {
        throw new SourceException(
            "cluster",
            kind.kind()
                + " is not served in any of "
                + kind.versions().stream().map(kind::apiVersion).toList()
                + ": install the Gateway API CRDs");
      }
    }
    return served;
  }

  /** The kinds of {@code kinds} the cluster serves now, silently leaving the others out. */
  List<ServedKind> servedAmong(List<WatchedKind> kinds) throws SourceException {
    List<ServedKind> served = new ArrayList<>();
    for (WatchedKind kind : kinds) {
      servedVersion(kind).ifPresent(version -> served.add(new ServedKind(kind, version)));
    }
    return served;
  }

  private Optional<String> servedVersion(WatchedKind kind) throws SourceException {
    for (String version : kind.versions()) {
      if (plurals(kind.apiVersion(version)).contains(kind.plural())) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  private List<String> plurals(String groupVersion) throws SourceException {
    List<String> known = pluralsByGroupVersion.get(groupVersion);
    if (known != null) {
      return known;
    }
    APIResourceList resources;
    try {
      resources = client.getApiResources(groupVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw new SourceException(
            "cluster",
            "cannot discover the resources of " + groupVersion + ": " + e.getMessage(),
            e);
      }
      resources = null;
    }
    List<String> plurals =
        resources == null || resources.getResources() == null
            ? List.of()
            : resources.getResources().stream().map(APIResource::getName).toList();
    pluralsByGroupVersion.put(groupVersion, plurals);
    return plurals;
  }
}
