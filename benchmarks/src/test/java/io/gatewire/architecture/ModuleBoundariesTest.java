package io.gatewire.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each module keeps to its own packages. No module, nor its tests, declares classes in a package of
 * another (a split package would reach that module's package-private members: a back door around
 * its public API and the test fixtures it exports), and no module's packages depend on each other
 * in a cycle.
 */
class ModuleBoundariesTest {

  @Test
  void everyModuleOfTheBuild_isChecked() {
    assertThat(CompiledModules.listed())
        .as("the root pom's modules, each with its base package in CompiledModules")
        .containsExactlyInAnyOrderElementsOf(CompiledModules.BASE_PACKAGES.keySet());
    JavaClasses production = CompiledModules.production();
    for (String module : CompiledModules.listed()) {
      assertThat(production.stream().anyMatch(c -> CompiledModules.moduleOf(c).equals(module)))
          .as("production classes of %s imported", module)
          .isTrue();
    }
  }

  @Test
  void productionClasses_liveUnderTheirModulesPackage() {
    classes()
        .that()
        .resideInAPackage("io.gatewire..")
        .should(beCompiledInTheModuleThatOwnsTheirPackage())
        .check(CompiledModules.production());
  }

  @Test
  void noPackage_isDeclaredByTwoModules_testsIncluded() {
    JavaClasses all = CompiledModules.productionAndTests();
    Map<String, Set<String>> modulesByPackage = new TreeMap<>();
    for (JavaClass javaClass : all) {
      modulesByPackage
          .computeIfAbsent(javaClass.getPackageName(), p -> new TreeSet<>())
          .add(CompiledModules.moduleOf(javaClass));
    }
    classes()
        .that()
        .resideInAPackage("io.gatewire..")
        .should(
            new ArchCondition<>("be in a package that no other module declares") {
              @Override
              public void check(JavaClass javaClass, ConditionEvents events) {
                String module = CompiledModules.moduleOf(javaClass);
                Set<String> modules = modulesByPackage.get(javaClass.getPackageName());
                boolean intruder =
                    !module.equals(CompiledModules.owner(javaClass.getPackageName()));
                if (modules.size() > 1 && intruder) {
                  events.add(
                      SimpleConditionEvent.violated(
                          javaClass,
                          javaClass.getName()
                              + " (in "
                              + module
                              + "): package "
                              + javaClass.getPackageName()
                              + " is declared by the modules "
                              + modules));
                }
              }
            })
        .check(all);
  }

  @Test
  void noPackageCycles_insideAModule() {
    slices()
        .matching("io.gatewire.(**)")
        .should()
        .beFreeOfCycles()
        .check(CompiledModules.production());
  }

  private static ArchCondition<JavaClass> beCompiledInTheModuleThatOwnsTheirPackage() {
    return new ArchCondition<>("be compiled in the module that owns their package") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        String module = CompiledModules.moduleOf(javaClass);
        String owner = CompiledModules.owner(javaClass.getPackageName());
        if (!module.equals(owner)) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass,
                  javaClass.getName()
                      + " is compiled in "
                      + module
                      + ", whose classes belong under "
                      + CompiledModules.BASE_PACKAGES.get(module)
                      + (owner == null ? "" : "; its package belongs to " + owner)));
        }
      }
    };
  }
}
