package io.gatewire.adapters.xds.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.envoyproxy.pgv.ReflectiveValidatorIndex;
import io.envoyproxy.pgv.ValidationException;
import io.envoyproxy.pgv.ValidatorIndex;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Envoy's own field constraints (the protoc-gen-validate rules in its .proto files, generated into
 * this module's test classes) run over generated resources. The generated validators stop at {@code
 * Any}, so every {@code Any} (typed_config, typed_extension_protocol_options) is unpacked and
 * validated too, recursively; an {@code Any} of a type missing from {@link
 * TypedConfigs#PAYLOAD_TYPES} is itself an error, because the printer could not print it either.
 */
public final class EnvoyValidator {
  private static final ValidatorIndex INDEX = new ReflectiveValidatorIndex();
  private static final Map<String, Message> PAYLOADS =
      TypedConfigs.PAYLOAD_TYPES.stream()
          .collect(Collectors.toMap(m -> TypedConfigs.pack(m).getTypeUrl(), Function.identity()));

  private EnvoyValidator() {}

  /**
   * Fails with the resource's type, the field and Envoy's reason when any resource breaks a rule.
   */
  public static void assertValid(XdsResources resources) {
    Stream.of(
            resources.listeners(),
            resources.routes(),
            resources.clusters(),
            resources.endpoints(),
            resources.secrets())
        .flatMap(List::stream)
        .forEach(EnvoyValidator::assertValid);
  }

  public static void assertValid(Message resource) {
    try {
      validate(resource);
    } catch (ValidationException e) {
      throw new AssertionError(
          resource.getDescriptorForType().getName()
              + " violates Envoy's constraints: "
              + e.getMessage()
              + "\n"
              + resource,
          e);
    }
  }

  /** Validates the message, then every {@code Any} inside it, unpacked. */
  public static void validate(Message message) throws ValidationException {
    INDEX.validatorFor(message.getClass()).assertValid(message);
    if (message instanceof Any any) {
      validate(unpack(any));
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          validate((Message) element);
        }
      } else {
        validate((Message) field.getValue());
      }
    }
  }

  private static Message unpack(Any any) throws ValidationException {
    Message prototype = PAYLOADS.get(any.getTypeUrl());
    if (prototype == null) {
      throw new ValidationException(
          "typed_config",
          any.getTypeUrl(),
          "not a type Gatewire declares in TypedConfigs.PAYLOAD_TYPES");
    }
    try {
      return prototype.getParserForType().parseFrom(any.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new ValidationException(
          "typed_config", any.getTypeUrl(), "payload does not parse: " + e.getMessage());
    }
  }
}
