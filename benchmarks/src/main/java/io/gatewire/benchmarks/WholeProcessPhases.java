package io.gatewire.benchmarks;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Where figure 7's time goes ({@code java -cp benchmarks.jar
 * io.gatewire.benchmarks.WholeProcessPhases FILE}): the phases of {@code translate -o json} timed
 * once each in a fresh JVM, as the command runs them (so cold, JIT compilation included): read,
 * parse and decode the files; translate to IR and status; map the IR to xDS protos and render the
 * JSON document; then the mapping alone once more (warm), to split the last phase. Prints one line
 * per phase.
 */
public final class WholeProcessPhases {
  private WholeProcessPhases() {}

  public static void main(String[] args) throws SourceException {
    long start = System.nanoTime();
    GatewayResources resources = new FileConfigurationSource(List.of(Path.of(args[0]))).load();
    long decoded = System.nanoTime();
    Ir ir =
        new Translator(TranslatorOptions.DEFAULTS, new EnvoyRegexDialect())
            .translate(resources)
            .ir();
    long translated = System.nanoTime();
    int chars =
        new XdsDocument(TranslatorOptions.DEFAULTS.metadata(), XdsDocument.Format.JSON)
            .render(ir, null)
            .length();
    long rendered = System.nanoTime();
    XdsTranslator xds = new XdsTranslator(TranslatorOptions.DEFAULTS.metadata());
    int clusters = xds.translate(ir.merged()).clusters().size();
    long mappedAgain = System.nanoTime();
    System.out.printf("read, parse, decode       %6.2f s%n", (decoded - start) / 1e9);
    System.out.printf("translate (IR, status)    %6.2f s%n", (translated - decoded) / 1e9);
    System.out.printf(
        "map to xDS + render JSON  %6.2f s (%d chars)%n", (rendered - translated) / 1e9, chars);
    System.out.printf(
        "of which mapping (again, warm) %6.2f s (%d clusters)%n",
        (mappedAgain - rendered) / 1e9, clusters);
  }
}
