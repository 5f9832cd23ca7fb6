package io.gatewire.adapters.file;

/**
 * Bounds on what one load may read, so a hostile or broken manifest costs an error, not the
 * process: the size of each input (a file or stdin, checked before it is read, and so also the size
 * of any document or string in it) and how deep its objects and lists may nest. YAML aliases are
 * never expanded (see {@link LimitedParser}), so an alias bomb cannot grow past the file size
 * either.
 */
public record InputLimits(long maxFileBytes, int maxNestingDepth) {
  /** 64 MiB: a List of tens of thousands of routes fits; a runaway file does not. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** Kubernetes objects nest a few tens of levels at most, managedFields included. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

  /** Above this Jackson's own guard (1000 levels) would answer first. */
  public static final int HIGHEST_NESTING_DEPTH = 999;

  public static final InputLimits DEFAULTS =
      new InputLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_NESTING_DEPTH);

  public InputLimits {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException(
          "the file size limit must be positive, not " + maxFileBytes);
    }
    if (maxNestingDepth <= 0 || maxNestingDepth > HIGHEST_NESTING_DEPTH) {
      throw new IllegalArgumentException(
          "the nesting depth limit must be between 1 and "
              + HIGHEST_NESTING_DEPTH
              + ", not "
              + maxNestingDepth);
    }
  }

  /** The file size limit as a Java array or string length. */
  int maxChars() {
    return (int) Math.min(maxFileBytes, Integer.MAX_VALUE - 8);
  }
}
