package io.gatewire.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the hexagon, one test per rule, over the production classes of every module
 * (benchmarks included).
 */
class LayeringTest {
  private static final String DOMAIN = "io.gatewire.domain..";
  private static final String APPLICATION = "io.gatewire.application..";
  private static final String DECODER = "io.gatewire.adapters.k8s.decode..";
  private static final String K8S = "io.gatewire.adapters.k8s..";
  private static final String FILE = "io.gatewire.adapters.file..";
  private static final String XDS = "io.gatewire.adapters.xds..";
  private static final String BOOTSTRAP = "io.gatewire.bootstrap..";
  private static final String BENCHMARKS = "io.gatewire.benchmarks..";
  private static final String TESTKIT = "io.gatewire.testkit..";

  /** adapters-k8s without the decoder, which is a module of its own. */
  private static final DescribedPredicate<JavaClass> CLUSTER_ADAPTER =
      resideInAPackage(K8S)
          .and(resideOutsideOfPackage(DECODER))
          .as("the cluster adapter (adapters-k8s)");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = CompiledModules.production();
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
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

  /** No Kubernetes client, HTTP stack or Vert.x: the file source gets none of them through it. */
  @Test
  void decoder_dependsOnDomainFabric8sModelAndJacksonOnly() {
    check(
        classes()
            .that()
            .resideInAPackage(DECODER)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                DECODER,
                DOMAIN,
                "java..",
                "io.fabric8.kubernetes.api.model..",
                "com.fasterxml.jackson.."));
  }

  @Test
  void adapters_doNotDependOnEachOther_theTwoSourcesShareTheDecoder() {
    check(
        noClasses()
            .that(CLUSTER_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FILE, XDS));
    check(
        noClasses()
            .that()
            .resideInAPackage(FILE)
            .should()
            .dependOnClassesThat(CLUSTER_ADAPTER.or(resideInAPackage(XDS))));
    check(
        noClasses()
            .that()
            .resideInAPackage(XDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FILE, K8S));
  }

  @Test
  void onlyBootstrapAndTheBenchmarks_dependOnBootstrap() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(BOOTSTRAP, BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOOTSTRAP));
  }

  @Test
  void nothing_dependsOnTheBenchmarks() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BENCHMARKS));
  }

  /** testkit is test infrastructure: it knows no other module, and only tools for tests use it. */
  @Test
  void testkit_dependsOnNoOtherModule_andOnlyTheBenchmarksUseIt() {
    check(
        noClasses()
            .that()
            .resideInAPackage(TESTKIT)
            .should()
            .dependOnClassesThat(
                resideInAPackage("io.gatewire..")
                    .and(resideOutsideOfPackage(TESTKIT))
                    .as("another Gatewire module")));
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(TESTKIT, BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TESTKIT));
  }

  /** The benchmarks embed Gatewire as a library user would, through {@code Gatewire.injector()}. */
  @Test
  void guice_onlyInBootstrap_andTheBenchmarks() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(BOOTSTRAP, BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.inject.."));
  }

  /**
   * The benchmarks measure what is served and run their own xDS clients; the test tools (testkit)
   * may run protocol peers of their own. Neither is shipped.
   */
  @Test
  void protobufAndEnvoyTypes_onlyInTheXdsAdapter_andTheTestTools() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(XDS, BENCHMARKS, TESTKIT)
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

  /**
   * The benchmarks' Kubernetes soak drives an API server, and the test tools (testkit) set up the
   * real one (CRDs, RBAC) as its admin. Neither is shipped.
   */
  @Test
  void fabric8_onlyInTheKubernetesAdapters_andTheTestTools() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(K8S, BENCHMARKS, TESTKIT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fabric8.."));
  }

  /**
   * The file source, the decoder and everything else but the cluster adapter stay client-free. The
   * test tools (testkit: Vert.x echo backends) and the benchmarks are not shipped.
   */
  @Test
  void kubernetesClientAndVertx_onlyInTheClusterAdapter_andTheTestTools() {
    check(
        noClasses()
            .that(
                DescribedPredicate.not(
                    CLUSTER_ADAPTER.or(resideInAPackage(BENCHMARKS)).or(resideInAPackage(TESTKIT))))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fabric8.kubernetes.client..", "io.vertx.."));
  }
}
