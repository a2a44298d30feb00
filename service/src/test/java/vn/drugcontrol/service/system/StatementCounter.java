package vn.drugcontrol.service.system;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test fixture: counts the SQL statements one HTTP request makes, without timing
 * anything. The service's {@link DataSource} is wrapped so that every statement prepared
 * on a connection is recorded (its SQL) for the request the current thread serves; a
 * filter ahead of every other (security included) opens the record when the request
 * carries {@value #HEADER} and keeps it under that header's value. A JDBC wrapper, no
 * library: the SQL of the service, Spring Data JDBC, Spring Session and Spring Security
 * all go through it.
 */
public final class StatementCounter {

	/** The request header naming the record. */
	public static final String HEADER = "X-Test-Statements";

	private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

	private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

	private StatementCounter() {
	}

	/**
	 * The statements of the request that carried {@code id}, once it has finished (the
	 * response may reach the client a moment before the filter closes the record).
	 */
	public static List<String> statementsOf(String id) throws InterruptedException {
		for (int i = 0; i < 500; i++) {
			List<String> found = RECORDED.remove(id);
			if (found != null) {
				return found;
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("no statements recorded for " + id);
	}

	private static void record(Object sql) {
		List<String> current = CURRENT.get();
		if (current != null) {
			current.add(String.valueOf(sql).strip().replaceAll("\\s+", " "));
		}
	}

	/** The wrapper and the filter, as beans of the test's context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource ds && !(bean instanceof Counting)) ? new Counting(ds) : bean;
				}
			};
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> statementRecording() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							String id = request.getHeader(HEADER);
							if (id == null) {
								chain.doFilter(request, response);
								return;
							}
							List<String> statements = new ArrayList<>();
							CURRENT.set(statements);
							try {
								chain.doFilter(request, response);
							}
							finally {
								CURRENT.remove();
								RECORDED.put(id, statements);
							}
						}
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/** The data source whose connections record what they prepare. */
	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection target) {
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						switch (method.getName()) {
							case "prepareStatement", "prepareCall" -> record(args[0]);
							case "createStatement" -> record("(statement)");
							default -> {
							}
						}
						try {
							return method.invoke(target, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
