package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.ObjectMeta;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Envoy Gateway Backend: each endpoint is exactly one of ip, fqdn and unix, with its required
 * fields.
 */
final class BackendMapper {

  Backend backend(ObjectMeta meta, BackendResource.Spec spec) {
    FieldPath path = FieldPath.SPEC;
    BackendResource.Spec present = required(spec, path);
    return new Backend(
        meta,
        Fields.mapEach(present.endpoints(), path.field("endpoints"), BackendMapper::endpoint),
        Fields.list(present.appProtocols()));
  }

  private static Backend.Endpoint endpoint(BackendResource.Endpoint endpoint, FieldPath path) {
    long kinds =
        Stream.of(endpoint.ip(), endpoint.fqdn(), endpoint.unix()).filter(Objects::nonNull).count();
    if (kinds != 1) {
      throw new InvalidFieldException(path, "exactly one of ip, fqdn and unix must be set");
    }
    if (endpoint.ip() != null) {
      FieldPath ip = path.field("ip");
      return new Backend.Ip(
          requiredText(endpoint.ip().address(), ip.field("address")),
          required(endpoint.ip().port(), ip.field("port")));
    }
    if (endpoint.fqdn() != null) {
      FieldPath fqdn = path.field("fqdn");
      return new Backend.Fqdn(
          requiredText(endpoint.fqdn().hostname(), fqdn.field("hostname")),
          required(endpoint.fqdn().port(), fqdn.field("port")));
    }
    return new Backend.Unix(requiredText(endpoint.unix().path(), path.field("unix").field("path")));
  }
}
