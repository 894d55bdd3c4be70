package vn.ideabank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.persistence.Entity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * Module boundaries (Spring Modulith) and the visibility rules of DESIGN.md: modules talk through
 * their public facades and events, so entities, repositories and web classes stay package-private.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(IdeabankApplication.class);

	static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.ideabank");
	}

	@Test
	void modulesRespectTheirBoundaries() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("common", "org", "account");
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		Path out = Path.of("target", "spring-modulith-docs");
		assertThat(out.resolve("components.puml")).exists();
		try (var files = Files.list(out)) {
			assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("account"));
		}
	}

	@Test
	void entitiesAreNotPublic() {
		classes().that().areAnnotatedWith(Entity.class).should().notBePublic()
			.because("entities never leave their module; other modules see views and commands")
			.check(main);
	}

	@Test
	void repositoriesAreNotPublic() {
		classes().that().areInterfaces().and().areAssignableTo(Repository.class).should().notBePublic()
			.because("modules talk through facades, never another module's repository")
			.check(main);
	}

	@Test
	void webClassesAreNotPublic() {
		// common.web is the shared web toolkit (messages, form errors, paging) and is public on purpose
		noClasses().that().resideInAPackage("vn.ideabank.(*).web..")
			.and().resideOutsideOfPackage("vn.ideabank.common.web..")
			.should().bePublic()
			.because("controllers and advice are wired by Spring, not called by other modules")
			.check(main);
		classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
			.or().areAnnotatedWith(ControllerAdvice.class).or().areAnnotatedWith(RestControllerAdvice.class)
			.should().notBePublic()
			.allowEmptyShould(false)
			.check(main);
	}
}
