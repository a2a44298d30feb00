package vn.drugcontrol.service.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and load balancers read, over real HTTP: the liveness and readiness
 * groups (public, status only; their parts for administrators), and the version and
 * commit the service was built from.
 */
class OperationsIntegrationTest extends DatabaseTest {

	@Test
	void livenessAndReadinessArePublicAndSayOnlyUp() {
		for (String group : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			ResponseEntity<JsonNode> health = http(null).get().uri(group).retrieve().toEntity(JsonNode.class);
			assertThat(health.getStatusCode()).as(group).isEqualTo(HttpStatus.OK);
			assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
			assertThat(health.getBody().has("components")).as("no details for anyone").isFalse();
		}
	}

	@Test
	void readinessIsTheDatabaseAndTheShippedRuleSetsAndAdministratorsSeeItsParts() {
		JsonNode readiness = http("admin").get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);

		JsonNode parts = readiness.get("components");
		assertThat(parts.propertyNames()).containsExactlyInAnyOrder("db", "readinessState", "ruleSets");
		assertThat(parts.get("db").get("status").asString()).isEqualTo("UP");
		JsonNode ruleSets = parts.get("ruleSets");
		assertThat(ruleSets.get("status").asString()).isEqualTo("UP");
		assertThat(ruleSets.get("details").get("default").get("contentHash").asString())
			.isEqualTo(ShippedRuleSets.defaultReading().contentHash());
		assertThat(ruleSets.get("details").get("literal").get("compiled").asBoolean()).isTrue();

		JsonNode liveness = http("admin").get().uri("/actuator/health/liveness").retrieve().body(JsonNode.class);
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");

		JsonNode asViewer = http("viewer").get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
		assertThat(asViewer.has("components")).as("details are for administrators").isFalse();
	}

	@Test
	void infoSaysTheVersionAndTheCommit() throws IOException {
		ResponseEntity<JsonNode> info = http(null).get().uri("/actuator/info").retrieve().toEntity(JsonNode.class);

		assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
		Properties build = classpath("META-INF/build-info.properties");
		assertThat(info.getBody().get("build").get("version").asString()).isNotBlank()
			.isEqualTo(build.getProperty("build.version"));
		Properties git = classpath("git.properties");
		assertThat(info.getBody().get("git").get("commit").get("id").asString()).matches("[0-9a-f]{7,40}")
			.isEqualTo(git.getProperty("git.commit.id.abbrev"));
	}

	private static Properties classpath(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = OperationsIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as("%s, written by the build", name).isNotNull();
			properties.load(in);
		}
		return properties;
	}

}
