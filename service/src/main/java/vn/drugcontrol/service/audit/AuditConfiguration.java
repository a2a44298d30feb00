package vn.drugcontrol.service.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The checkpoint key ({@code classifier.audit.checkpoint.*}) and, in the server, the
 * periodic checkpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
class AuditConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	CheckpointKey checkpointKey(CheckpointProperties properties) {
		return CheckpointKey.load(properties);
	}

	/** Signs a checkpoint every {@code interval} when the chain grew since the last. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@EnableScheduling
	static class Schedule implements SchedulingConfigurer {

		private final AuditCheckpoints checkpoints;

		private final CheckpointProperties properties;

		Schedule(AuditCheckpoints checkpoints, CheckpointProperties properties) {
			this.checkpoints = checkpoints;
			this.properties = properties;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			if (properties.interval().isZero() || properties.interval().isNegative()) {
				log.info("audit checkpoints are signed on demand only (classifier.audit.checkpoint.interval is {})",
						properties.interval());
				return;
			}
			registrar
				.addFixedDelayTask(new FixedDelayTask(this::signNow, properties.interval(), properties.interval()));
			log.info("an audit checkpoint is signed every {} when the chain grew", properties.interval());
		}

		void signNow() {
			try {
				checkpoints.sign("scheduler");
			}
			catch (AuditCheckpoints.NotSignedException ex) {
				log.debug("{}", ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("the periodic audit checkpoint failed; trying again in {}", properties.interval(), ex);
			}
		}

	}

}
