package thidua.database;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The commands start their application with lazy beans (only what the command uses is made);
 * the migrations still run at start, before anything reads the database, as in {@code serve}:
 * a database that cannot be reached or migrated fails the command before it begins.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsAtStart {
    @Bean
    static LazyInitializationExcludeFilter migrationsRunAtStart() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
    }
}
