package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.file.InputLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The manifests a one-shot command ({@code translate}, {@code explain}, {@code route-check}) reads:
 * {@code -f/--filename}, required and repeatable. {@code serve} has its own, optional and watched.
 */
final class InputFiles {

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "PATH",
      description =
          "A file, a directory (all *.yaml, *.yml, *.json below it) or - for stdin; repeatable.")
  List<String> paths;

  /** A file source over these paths, reading {@code -} from {@code stdin}. */
  FileConfigurationSource source(InputStream stdin, InputLimits limits) {
    return new FileConfigurationSource(paths.stream().map(Path::of).toList(), stdin, limits);
  }
}
