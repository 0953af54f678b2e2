package id.padan.run.internal;

import id.padan.link.LinkStage;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/** What only {@code padan worker} starts ({@code padan.worker=true}): Spring Integration and the {@link LinkWorker}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "padan.worker", havingValue = "true")
@EnableIntegration
public class WorkerConfiguration {
    @Bean
    LinkWorker linkWorker(JobRepository repository, DataSource dataSource, RunLock runLock, LinkStage link, StageDelayForTests testDelay,
                          BeanFactory beans, IntegrationFlowContext flows, Environment env) {
        return new LinkWorker(repository, dataSource, runLock, link, testDelay, beans, flows,
                env.getProperty("padan.worker.poll", Duration.class, Duration.ofSeconds(2)));
    }
}
