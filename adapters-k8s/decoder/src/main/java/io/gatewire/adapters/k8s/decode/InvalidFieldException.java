package io.gatewire.adapters.k8s.decode;

/**
 * A field the mappers cannot accept (a required field missing, a value outside its enum). It leaves
 * the mapping at once and {@link ManifestDecoder} turns it into a located error.
 */
final class InvalidFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient FieldPath path;
  private final String problem;

  InvalidFieldException(FieldPath path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  FieldPath path() {
    return path;
  }

  String problem() {
    return problem;
  }
}
