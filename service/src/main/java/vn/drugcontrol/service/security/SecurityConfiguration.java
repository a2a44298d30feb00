package vn.drugcontrol.service.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import vn.drugcontrol.service.audit.AuditTrail;

import static vn.drugcontrol.service.security.Roles.ADMIN;
import static vn.drugcontrol.service.security.Roles.ANALYST;
import static vn.drugcontrol.service.security.Roles.APPROVER;
import static vn.drugcontrol.service.security.Roles.MINISTRY;
import static vn.drugcontrol.service.security.Roles.OFFICER;

/**
 * HTTP security: the API (stateless: HTTP Basic, OIDC JWT, API tokens; no CSRF for those)
 * and the console (form login, session, CSRF tokens in every form). The rules are by path
 * pattern, so endpoints added later fall under a sensible rule: reads for every role,
 * writes for the role that owns the path, anything else for administrators. Which
 * province's data a user may read or change is not a path rule: it is method security on
 * the repositories and services that read or change a province's data, with one rule
 * ({@link ProvinceScope}), so the API and the console are covered alike.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties({ AccessProperties.class, SignInThrottleProperties.class })
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, FailedSignIns failures,
			ObjectProvider<JwtDecoder> jwtDecoder, AccessProperties properties, SignInThrottle throttle)
			throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						// metrics and the rest of Actuator: administrators only
						// (docs/security.md)
						.requestMatchers("/actuator/**")
						.hasRole(ADMIN)
						.requestMatchers(HttpMethod.POST, "/api/v1/evaluations")
						.authenticated()
						.requestMatchers(HttpMethod.POST, "/api/v1/runs", "/api/v1/runs/*/submission")
						.hasRole(OFFICER)
						.requestMatchers(HttpMethod.POST, "/api/v1/runs/*/approval", "/api/v1/runs/*/return",
								"/api/v1/runs/*/overrides", "/api/v1/overrides/*/confirmation")
						.hasRole(APPROVER)
						// Art. 7.2: the report to the Ministry
						// Art. 7.3: the Ministry's decision
						.requestMatchers(HttpMethod.POST, "/api/v1/ministry-reports/*/*/submission")
						.hasRole(OFFICER)
						.requestMatchers(HttpMethod.POST, "/api/v1/ministry-reports/*/*/approval",
								"/api/v1/ministry-reports/*/*/return")
						.hasRole(MINISTRY)
						// drug-free targets: a province's by its People's Committee, the
						// national ones by the Ministry (which scope by whom: on Targets)
						.requestMatchers(HttpMethod.PUT, "/api/v1/targets/*/*")
						.hasAnyRole(APPROVER, MINISTRY)
						// self-assessments: who may do what is
						// declared once, on Assessments
						.requestMatchers("/api/v1/communes/*/assessments/**", "/api/v1/provinces/*/assessments/**")
						.authenticated()
						.requestMatchers("/api/v1/api-tokens", "/api/v1/api-tokens/**")
						.hasRole(ADMIN)
						.requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs", "/v3/api-docs/**")
						.authenticated()
						.requestMatchers("/api/v1/rule-sets", "/api/v1/rule-sets/**")
						.hasAnyRole(ANALYST, ADMIN)
						.requestMatchers("/api/v1/routes", "/api/v1/routes/**", "/api/v1/provinces/**")
						.hasAnyRole(ANALYST, ADMIN)
						.requestMatchers("/api/v1/runs/**")
						.hasAnyRole(OFFICER, ADMIN)
						.anyRequest()
						.hasRole(ADMIN))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityProblems.unauthorized()))
			// no session of its own; a console user's session still reaches the API (the
			// export links), and then writes need the CSRF token
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.ignoringRequestMatchers(
					request -> request.getHeader("Authorization") != null || request.getRequestedSessionId() == null))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityProblems.unauthorized())
				.accessDeniedHandler(SecurityProblems.forbidden()))
			.addFilterBefore(new ApiTokenFilter(tokens, failures), BasicAuthenticationFilter.class)
			.addFilterBefore(SignInThrottleFilter.api(throttle), ApiTokenFilter.class);
		if (jwtDecoder.getIfAvailable() != null) {
			DefaultBearerTokenResolver jwtOnly = new DefaultBearerTokenResolver();
			http.oauth2ResourceServer(oauth -> oauth
				.bearerTokenResolver(request -> ApiTokenFilter.isApiToken(request) ? null : jwtOnly.resolve(request))
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(properties.jwt())))
				.authenticationEntryPoint(SecurityProblems.unauthorized())
				.accessDeniedHandler(SecurityProblems.forbidden()));
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, SignInThrottle throttle) throws Exception {
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers("/console/**", "/favicon.ico", "/error", "/login")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/upload/*/start", "/runs/*/submission")
					.hasRole(OFFICER)
					.requestMatchers(HttpMethod.POST, "/runs/*/approval", "/runs/*/return", "/runs/*/overrides",
							"/runs/*/overrides/*/confirmation")
					.hasRole(APPROVER)
					.requestMatchers(HttpMethod.POST, "/ministry/reports/*/*/submission")
					.hasRole(OFFICER)
					.requestMatchers(HttpMethod.POST, "/ministry/reports/*/*/approval", "/ministry/reports/*/*/return")
					.hasRole(MINISTRY)
					.requestMatchers(HttpMethod.POST, "/rule-sets/**")
					.hasAnyRole(ANALYST, ADMIN)
					.anyRequest()
					.authenticated())
			// the console's own page (web/SignInPage), in the console's language
			.formLogin(form -> form.loginPage("/login").permitAll())
			// signing in moves the session's attributes to a new session, and deletes the
			// old one, rather than renaming the session: with sessions in the database
			// (Spring Session JDBC) a request of the old session still under way (the
			// login page's favicon…) would otherwise save the old name back when it ends,
			// and the new session cookie would find no session
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
			.logout(Customizer.withDefaults())
			.addFilterBefore(SignInThrottleFilter.console(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Local users from {@code classifier.security.local-users} (encoded passwords only).
	 * With none configured and no profile active but {@code dev} (the quick start), the
	 * one administrator {@code admin} of {@link QuickStartAdmin}, whose password is made
	 * once per database and printed by the node that made it; with any other profile
	 * active (e.g. {@code prod}) there is no such user and no default password.
	 */
	@Bean
	UserDetailsService localUsers(AccessProperties properties, PasswordEncoder encoder, Environment environment,
			JdbcTemplate jdbc) {
		List<UserDetails> users = new ArrayList<>();
		for (AccessProperties.LocalUser user : properties.localUsers()) {
			if (user.name() == null || user.password() == null || !user.password().startsWith("{")
					|| user.password().startsWith("{noop}")) {
				throw new IllegalStateException("classifier.security.local-users: user '" + user.name()
						+ "' needs an encoded password with its id, e.g. {bcrypt}$2a$10$… (see docs/security.md)");
			}
			List<String> authorities = new ArrayList<>();
			user.roles().forEach(r -> authorities.add("ROLE_" + Roles.known(r)));
			if (user.commune() != null && !user.commune().isBlank()) {
				// a commune user holds its commune, never its province (ProvinceScope)
				authorities.add(ProvinceScope.communeAuthority(user.commune().strip()));
			}
			else if (user.province() != null && !user.province().isBlank()) {
				authorities.add(ProvinceScope.authority(user.province().strip()));
			}
			users.add(User.withUsername(user.name())
				.password(user.password())
				.authorities(authorities.toArray(String[]::new))
				.build());
		}
		boolean quickStart = Arrays.stream(environment.getActiveProfiles()).allMatch("dev"::equals);
		if (users.isEmpty() && quickStart) {
			return QuickStartAdmin.start(jdbc, encoder);
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	SignInThrottle signInThrottle(SignInThrottleProperties properties) {
		return new SignInThrottle(properties, Clock.systemUTC());
	}

	/**
	 * Failed sign-ins (console form, HTTP Basic, API tokens) count towards the throttle
	 * and go to the audit trail.
	 */
	@Bean
	FailedSignIns failedSignIns(AuditTrail audit, SignInThrottle throttle, UserDetailsService users) {
		return new FailedSignIns(audit, throttle, users);
	}

}
