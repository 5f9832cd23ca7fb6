package io.gatewire.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md, one test each, over the production classes of every
 * module.
 */
class LayeringTest {
  private static final String DOMAIN = "io.gatewire.domain..";
  private static final String APPLICATION = "io.gatewire.application..";
  private static final String K8S = "io.gatewire.adapters.k8s..";
  private static final String FILE = "io.gatewire.adapters.file..";
  private static final String XDS = "io.gatewire.adapters.xds..";
  private static final String BOOTSTRAP = "io.gatewire.bootstrap..";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .withImportOption(location -> !location.contains("testkit"))
            .importPackages("io.gatewire");
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "io.gatewire.domain",
          "io.gatewire.application",
          "io.gatewire.adapters.k8s",
          "io.gatewire.adapters.file",
          "io.gatewire.adapters.xds",
          "io.gatewire.bootstrap"
        }) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @Test
  void domain_dependsOnJavaOnly() {
    check(
        classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java.."));
  }

  @Test
  void application_dependsOnDomainOnly() {
    check(
        classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java.."));
  }

  @Test
  void adapters_doNotDependOnEachOther_exceptFileOnTheManifestDecoder() {
    check(
        noClasses()
            .that()
            .resideInAPackage(K8S)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FILE, XDS));
    check(
        noClasses()
            .that()
            .resideInAPackage(XDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FILE, K8S));
    check(
        noClasses()
            .that()
            .resideInAPackage(FILE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(XDS));
  }

  @Test
  void fileAdapter_usesOnlyTheDecoderPackageOfTheKubernetesAdapter() {
    check(
        classes()
            .that()
            .resideInAPackage(FILE)
            .should()
            .onlyDependOnClassesThat(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "not in the Kubernetes adapter outside its decoder",
                    c ->
                        !c.getPackageName().startsWith("io.gatewire.adapters.k8s")
                            || c.getPackageName().startsWith("io.gatewire.adapters.k8s.decode"))));
  }

  @Test
  void adapters_dependOnlyOnDomainApplicationAndTheirOwnLibraries_notOnBootstrap() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(K8S, FILE, XDS, DOMAIN, APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOOTSTRAP));
  }

  @Test
  void guice_onlyInBootstrap() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.inject.."));
  }

  @Test
  void protobufAndEnvoyTypes_onlyInTheXdsAdapter() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(XDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.protobuf..", "io.envoyproxy..", "io.grpc.."));
  }

  @Test
  void re2j_onlyInTheXdsAdapter_whoseDialectItIs() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(XDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.re2j.."));
  }

  @Test
  void bouncyCastle_onlyInTheXdsAdapter_whoseCertificateRulesUseIt() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(XDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.bouncycastle.."));
  }

  @Test
  void fabric8_onlyInTheKubernetesAdapter() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(K8S)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fabric8.."));
  }
}
