package id.padan;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * The stage packages keep their implementations private: a stage's {@code internal} package is used
 * only by that stage itself and by the run wiring ({@code id.padan.run}); stages other than the
 * wiring never reach into the command line; a stage's tasklet is called by the wiring only.
 */
class PackageBoundariesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.padan");

    private static final List<String> STAGES = List.of("ingest", "standardise", "link", "resolve", "findings", "publish", "deliver",
            "reference", "store", "generate", "quality", "schedule");

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnStageAndTheWiring() {
        for (String stage : STAGES) {
            noClasses().that().resideOutsideOfPackages("id.padan." + stage + "..", "id.padan.run..")
                    .should().dependOnClassesThat().resideInAPackage("id.padan." + stage + ".internal..")
                    .allowEmptyShould(true)
                    .because("the internals of " + stage + " are its own business")
                    .check(CLASSES);
        }
    }

    @Test
    void aStagesTaskletIsUsedOnlyByItsOwnStageAndTheWiring() {
        for (String stage : STAGES) {
            noClasses().that().resideOutsideOfPackages("id.padan." + stage + "..", "id.padan.run..")
                    .should().dependOnClassesThat(resideInAPackage("id.padan." + stage).and(assignableTo(Tasklet.class)))
                    .allowEmptyShould(true)
                    .because("a stage hands its work over through its typed results, not by calling another stage's tasklet")
                    .check(CLASSES);
        }
    }

    @Test
    void stagesDoNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("id.padan.run..", "id.padan.schedule..", "id.padan")
                .should().dependOnClassesThat().resideInAPackage("id.padan.run..")
                .because("the command line wires the stages, not the other way round")
                .check(CLASSES);
    }
}
