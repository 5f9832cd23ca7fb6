package io.gatewire.adapters.k8s.decode;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.gatewire.domain.model.KubernetesObject;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One served apiVersion and kind: the typed class Jackson reads the document into, whether the kind
 * is namespaced, and how its metadata and body (usually {@code spec}) reach the mapper.
 *
 * @param <T> the typed model of the whole object
 * @param <B> what the mapper reads besides the metadata
 */
record ResourceKind<T, B>(
    Class<T> type,
    boolean namespaced,
    Function<T, ObjectMeta> metadata,
    Function<T, B> body,
    BiFunction<io.gatewire.domain.model.ObjectMeta, B, ? extends KubernetesObject> mapper) {

  KubernetesObject toDomain(T resource, io.gatewire.domain.model.ObjectMeta meta) {
    return mapper.apply(meta, body.apply(resource));
  }
}
