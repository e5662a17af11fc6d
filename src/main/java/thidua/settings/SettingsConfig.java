package thidua.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ThiduaProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThiduaProperties.class)
class SettingsConfig {
}
