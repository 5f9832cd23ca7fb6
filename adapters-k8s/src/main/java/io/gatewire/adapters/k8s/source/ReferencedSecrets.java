package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerTls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Watches exactly the Secrets that Gateway listeners name in {@code certificateRefs}: one informer
 * per referenced Secret, selected by name ({@code metadata.name} field selector), started and
 * stopped as the Gateways change ({@link #reconcile}, after each load has decoded the Gateways).
 *
 * <p>Why not one informer on all Secrets, filtered in the load: it would hold every Secret of the
 * cluster (service-account tokens, Helm releases, every application's credentials) in memory and
 * need RBAC to read them all. A field-selected informer on {@code type=kubernetes.io/tls} still
 * caches every certificate of the cluster. Gateways name a handful of Secrets; a small informer
 * each costs one watch connection per Secret and holds only what Gatewire serves. Whether a
 * reference is allowed (a ReferenceGrant for another namespace) is the translator's business: the
 * Secret is read either way. With {@code --namespace} only Secrets in that namespace are read.
 */
final class ReferencedSecrets {
  private final KubernetesClient client;
  private final Optional<String> namespace;
  private final ObjectTrees trees;
  private final Runnable changed;
  private final ServedKind secrets = new ServedKind(WatchedKind.SECRET, "v1");
  private final Map<String, KindInformer> informers = new HashMap<>();

  ReferencedSecrets(
      KubernetesClient client, Optional<String> namespace, ObjectTrees trees, Runnable changed) {
    this.client = client;
    this.namespace = namespace;
    this.trees = trees;
    this.changed = changed;
  }

  /** The {@code namespace/name} of every Secret the Gateways among {@code objects} name, sorted. */
  Set<String> referencedBy(Collection<KubernetesObject> objects) {
    Set<String> refs = new TreeSet<>();
    for (KubernetesObject object : objects) {
      if (object instanceof Gateway gateway) {
        for (Listener listener : gateway.listeners()) {
          for (ListenerTls.SecretRef ref :
              listener.tls().map(ListenerTls::certificateRefs).orElse(List.of())) {
            boolean secret =
                GatewayApi.CORE_GROUP.equals(ref.group()) && "Secret".equals(ref.kind());
            if (secret && namespace.map(ref.namespace()::equals).orElse(true)) {
              refs.add(ref.namespace() + "/" + ref.name());
            }
          }
        }
      }
    }
    return refs;
  }

  /**
   * Starts informers for newly referenced Secrets and stops those no longer referenced, or whose
   * list failed (they are started again: the next load retries them); returns the started ones.
   */
  List<KindInformer> reconcile(Set<String> referenced) {
    informers
        .entrySet()
        .removeIf(
            watched -> {
              if (referenced.contains(watched.getKey())
                  && !watched.getValue().synced().isCompletedExceptionally()) {
                return false;
              }
              watched.getValue().close();
              return true;
            });
    List<KindInformer> started = new ArrayList<>();
    for (String ref : referenced) {
      if (!informers.containsKey(ref)) {
        int slash = ref.indexOf('/');
        KindInformer informer =
            KindInformer.start(
                "Secret " + ref,
                secrets,
                client
                    .genericKubernetesResources(secrets.context())
                    .inNamespace(ref.substring(0, slash))
                    .withName(ref.substring(slash + 1))
                    .runnableInformer(0),
                trees,
                changed);
        informers.put(ref, informer);
        started.add(informer);
      }
    }
    return started;
  }

  Collection<KindInformer> informers() {
    return informers.values();
  }

  void close() {
    informers.values().forEach(KindInformer::close);
    informers.clear();
  }
}
