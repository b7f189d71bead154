package faultline.visualizer.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The visualizer's layers, after MASON: the view and the painters never see the engine, the view
 * model and the trace reader see only its trace events; the view model and the trace reader use no
 * scene graph (only javafx.base), so they run in plain JUnit; only the app package may build and
 * run simulations. ArchUnit imports the main classes only.
 */
@AnalyzeClasses(packages = "faultline", importOptions = ImportOption.DoNotIncludeTests.class)
class VisualizerArchitectureTest {
  @ArchTest
  static final ArchRule viewNeverImportsTheEngine =
      noClasses()
          .that()
          .resideInAnyPackage("faultline.visualizer.view..", "faultline.visualizer.paint..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("faultline.engine..")
          .because(
              "the model never knows the view and the view never drives the engine;"
                  + " only faultline.visualizer.app runs simulations");

  @ArchTest
  static final ArchRule theTimelineReadsOnlyTheTraceOfTheEngine =
      noClasses()
          .that()
          .resideInAnyPackage("faultline.visualizer.viewmodel..", "faultline.visualizer.trace..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("faultline.engine..")
                  .and(not(resideInAPackage("faultline.engine.trace.."))))
          .because(
              "the timeline reads the trace's typed events (faultline.engine.trace), which are"
                  + " data; running simulations is faultline.visualizer.app's alone");

  @ArchTest
  static final ArchRule viewModelNeedsNoScreen =
      noClasses()
          .that()
          .resideInAnyPackage(
              "faultline.visualizer.viewmodel..",
              "faultline.visualizer.trace..",
              "faultline.visualizer.paint..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx.scene..",
              "javafx.stage..",
              "javafx.application..",
              "javafx.animation..",
              "java.awt..")
          .because("the view model and the painters are tested in plain JUnit without a screen");

  @ArchTest
  static final ArchRule nothingBelowDependsOnTheVisualizer =
      noClasses()
          .that()
          .resideInAnyPackage(
              "faultline.engine..", "faultline.protocols..", "faultline.scenarios..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("faultline.visualizer..")
          .because(
              "dependencies point one way: sim-engine <- protocols <- scenarios <- visualizer");
}
