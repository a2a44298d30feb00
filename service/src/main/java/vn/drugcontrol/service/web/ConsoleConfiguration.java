package vn.drugcontrol.service.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Vietnamese unless the user chose English with {@code ?lang=en}
 * (kept in a cookie, so no server session is needed).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("classifier-lang") {

			@Override
			public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
					LocaleContext context) {
				// two languages only: anything but English is Vietnamese
				Locale asked = (context != null) ? context.getLocale() : null;
				Locale locale = (asked != null && "en".equals(asked.getLanguage())) ? Locale.ENGLISH : VIETNAMESE;
				super.setLocaleContext(request, response, new SimpleLocaleContext(locale));
			}

		};
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languages = new LocaleChangeInterceptor();
		languages.setParamName("lang");
		languages.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languages).excludePathPatterns("/api/**", "/actuator/**", "/v3/**");
	}

}
