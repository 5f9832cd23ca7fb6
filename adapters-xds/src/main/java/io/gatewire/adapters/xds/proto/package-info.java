/**
 * Protobuf plumbing shared by the mappers, the printer and the snapshot versioning: deterministic
 * serialization and the {@code Any} payloads Gatewire emits.
 */
package io.gatewire.adapters.xds.proto;
