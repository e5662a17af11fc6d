package thidua.command;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * What a command shows on the console: thidua's own lines only (one per file, the
 * summary); the libraries' warnings and every stack trace go to the log file under the
 * data dir. A lost database is then one line, not hundreds.
 */
final class ConsoleLog implements ApplicationListener<ApplicationEvent> {
    /** For the stack trace behind a sentence already printed: the log file only. */
    static final Logger TRACE = LoggerFactory.getLogger("thidua.trace");

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        // After Spring Boot's logging system has (re)configured logback for this environment.
        if (event instanceof ApplicationEnvironmentPreparedEvent && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
            if (console != null) {
                console.addFilter(new Filter<>() {
                    @Override
                    public FilterReply decide(ILoggingEvent e) {
                        String name = e.getLoggerName();
                        return name.startsWith("thidua.") && !name.equals(TRACE.getName()) || name.equals("thidua")
                                ? FilterReply.NEUTRAL : FilterReply.DENY;
                    }
                });
            }
        }
    }
}
