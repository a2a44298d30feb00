package vn.drugcontrol.service.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Provincial officers see their own province's runs only: reading a run (and all under
 * it: decisions, exports, reports, approval) or a decision of another province is refused
 * (403), as writing is. Other roles read every province.
 */
@Configuration(proxyBeanMethods = false)
class OfficersReadTheirProvince implements WebMvcConfigurer {

	private final JdbcClient jdbc;

	OfficersReadTheirProvince(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Check("SELECT province_code FROM classification_run WHERE id = :id"))
			.addPathPatterns("/api/v1/runs/{id}", "/api/v1/runs/{id}/**", "/runs/{id}", "/runs/{id}/**");
		registry.addInterceptor(new Check("SELECT province_code FROM decision WHERE id = :id"))
			.addPathPatterns("/api/v1/decisions/{id}", "/api/v1/decisions/{id}/**", "/decisions/{id}");
	}

	private final class Check implements HandlerInterceptor {

		private final String provinceOf;

		Check(String provinceOf) {
			this.provinceOf = provinceOf;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			@SuppressWarnings("unchecked")
			Map<String, String> variables = (Map<String, String>) request
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			String id = variables == null ? null : variables.get("id");
			if (id == null || !id.chars().allMatch(Character::isDigit) || id.length() > 18) {
				return true;
			}
			List<String> province = jdbc.sql(provinceOf).param("id", Long.parseLong(id)).query(String.class).list();
			if (!province.isEmpty()) {
				ProvinceScope.checkRead(province.get(0));
			}
			return true;
		}

	}

}
