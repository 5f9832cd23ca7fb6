package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantFrom;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantTo;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ReferenceGrant;
import java.util.Optional;

/**
 * ReferenceGrant: v1, v1beta1 and v1alpha2 share the v1 spec and give the same record. Groups are
 * required but may be empty (the core group); kinds and the from-namespace must not be empty.
 */
final class ReferenceGrantMapper {

  ReferenceGrant referenceGrant(ObjectMeta meta, ReferenceGrantSpec spec) {
    FieldPath path = FieldPath.SPEC;
    ReferenceGrantSpec present = required(spec, path);
    return new ReferenceGrant(
        meta,
        Fields.mapEach(present.getFrom(), path.field("from"), ReferenceGrantMapper::from),
        Fields.mapEach(present.getTo(), path.field("to"), ReferenceGrantMapper::to));
  }

  private static ReferenceGrant.From from(ReferenceGrantFrom from, FieldPath path) {
    return new ReferenceGrant.From(
        required(from.getGroup(), path.field("group")),
        requiredText(from.getKind(), path.field("kind")),
        requiredText(from.getNamespace(), path.field("namespace")));
  }

  private static ReferenceGrant.To to(ReferenceGrantTo to, FieldPath path) {
    return new ReferenceGrant.To(
        required(to.getGroup(), path.field("group")),
        requiredText(to.getKind(), path.field("kind")),
        Optional.ofNullable(to.getName()));
  }
}
