package vn.drugcontrol.service;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * The drug-area classification service (Decision 28/2025/QĐ-TTg).
 * <p>
 * {@code java -jar classifier.jar} serves the API;
 * {@code java -jar classifier.jar classify
 * FILE [options]} runs the main job once from the command line and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifierApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = start(args);
		if (isCommand(args)) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Starts the service, or runs the {@code classify} command (without a web server).
	 */
	public static ConfigurableApplicationContext start(String... args) {
		// compiling the DRL takes seconds: on another core, while Spring starts
		ShippedRuleSets.compileInBackground();
		SpringApplicationBuilder app = new SpringApplicationBuilder(ClassifierApplication.class);
		if (isCommand(args)) {
			return app.web(WebApplicationType.NONE)
				.properties("classifier.cli.command=classify", "spring.main.banner-mode=off", "logging.level.root=WARN",
						"logging.level.org.flywaydb.core.internal.database.base.Database=ERROR")
				.run(Arrays.copyOfRange(args, 1, args.length));
		}
		return app.run(args);
	}

	private static boolean isCommand(String[] args) {
		return args.length > 0 && args[0].equals("classify");
	}

}
