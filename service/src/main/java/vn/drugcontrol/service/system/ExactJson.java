package vn.drugcontrol.service.system;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read as facts files are: decimals exactly (never through binary
 * floating point, which turns {@code 749.99999999999999999999} m² into 750 and crosses a
 * threshold), and a field given twice is an error rather than the last one silently
 * winning.
 */
@Configuration(proxyBeanMethods = false)
class ExactJson {

	@Bean
	JsonMapperBuilderCustomizer exactDecimalsAndNoDuplicateFields() {
		return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
