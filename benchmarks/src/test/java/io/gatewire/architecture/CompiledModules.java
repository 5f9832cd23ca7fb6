package io.gatewire.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.gatewire.testkit.tools.RepoRoot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * The modules the root pom lists, with the classes each compiled ({@code target/classes} and {@code
 * target/test-classes}). The benchmarks module runs the rules because the build orders it after
 * every other module, so what it reads there is what this build compiled.
 */
final class CompiledModules {
  /**
   * Each module's directory, as the root pom lists it, to the package its production classes live
   * under. A module nested in another's directory owns a subpackage of the outer one's.
   */
  static final Map<String, String> BASE_PACKAGES = basePackages();

  private static final Path ROOT = RepoRoot.find();
  private static JavaClasses production;
  private static JavaClasses productionAndTests;

  private CompiledModules() {}

  private static Map<String, String> basePackages() {
    Map<String, String> packages = new LinkedHashMap<>();
    packages.put("testkit", "io.gatewire.testkit");
    packages.put("domain", "io.gatewire.domain");
    packages.put("application", "io.gatewire.application");
    packages.put("adapters-k8s/decoder", "io.gatewire.adapters.k8s.decode");
    packages.put("adapters-k8s", "io.gatewire.adapters.k8s");
    packages.put("adapters-file", "io.gatewire.adapters.file");
    packages.put("adapters-xds", "io.gatewire.adapters.xds");
    packages.put("bootstrap", "io.gatewire.bootstrap");
    packages.put("benchmarks", "io.gatewire.benchmarks");
    return packages;
  }

  /** The module directories the root pom lists, in its order. */
  static List<String> listed() {
    try {
      NodeList modules =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(ROOT.resolve("pom.xml").toFile())
              .getElementsByTagName("module");
      List<String> dirs = new ArrayList<>();
      for (int i = 0; i < modules.getLength(); i++) {
        dirs.add(modules.item(i).getTextContent().trim());
      }
      return dirs;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read the module list of " + ROOT.resolve("pom.xml"), e);
    }
  }

  /** The production classes of every module. */
  static synchronized JavaClasses production() {
    if (production == null) {
      production =
          productionAndTests()
              .that(
                  DescribedPredicate.describe("production classes", CompiledModules::isProduction));
    }
    return production;
  }

  /** The production and test classes of every module. */
  static synchronized JavaClasses productionAndTests() {
    if (productionAndTests == null) {
      List<Path> dirs = new ArrayList<>();
      for (String module : listed()) {
        dirs.add(compiledClasses(module));
        Path tests = ROOT.resolve(module).resolve("target/test-classes");
        if (Files.isDirectory(tests)) {
          dirs.add(tests);
        }
      }
      productionAndTests = new ClassFileImporter().importPaths(dirs);
    }
    return productionAndTests;
  }

  private static boolean isProduction(JavaClass javaClass) {
    return javaClass.getSource().orElseThrow().getUri().getPath().contains("/target/classes/");
  }

  private static Path compiledClasses(String module) {
    Path dir = ROOT.resolve(module).resolve("target/classes");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "no compiled classes in "
              + dir
              + ": build the whole reactor (mvn -B verify, or -pl benchmarks -am)");
    }
    return dir;
  }

  /** The module directory a class was compiled in, from where it was imported. */
  static String moduleOf(JavaClass javaClass) {
    URI uri =
        javaClass
            .getSource()
            .orElseThrow(() -> new IllegalStateException("no source for " + javaClass.getName()))
            .getUri();
    String relative = ROOT.toUri().relativize(uri).getPath();
    int target = relative.indexOf("/target/");
    if (target < 0 || relative.startsWith("/")) {
      throw new IllegalStateException(
          javaClass.getName() + " was not compiled in a module: " + uri);
    }
    return relative.substring(0, target);
  }

  /**
   * The module whose base package is the longest prefix of {@code packageName}, or null when no
   * module's is.
   */
  static String owner(String packageName) {
    String owner = null;
    int longest = -1;
    for (Map.Entry<String, String> module : BASE_PACKAGES.entrySet()) {
      String base = module.getValue();
      boolean within = packageName.equals(base) || packageName.startsWith(base + ".");
      if (within && base.length() > longest) {
        owner = module.getKey();
        longest = base.length();
      }
    }
    return owner;
  }
}
