package thidua.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import thidua.batch.BatchRuns;
import thidua.database.DatabaseLost;
import thidua.database.EarlyStart;
import thidua.job.ExitCode;
import thidua.job.Failure;
import thidua.text.LogText;

/** Entry point of every command: parse, start the application on the chosen data dir, run, exit code. */
public final class CommandLine {

    /**
     * What only {@code serve} uses (the scheduler, health, metrics, JSON, templates) or nothing
     * of thidua uses, left out of every other command's application: less to read and decide at
     * start. A command line's own {@code --spring.autoconfigure.exclude=…} replaces this list.
     */
    static final List<String> NOT_FOR_COMMANDS = List.of(
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration");

    private static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

    /** How long a stop waits for the file being imported: longer than any file's parsing budget. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);

    private CommandLine() {
    }

    /**
     * `serve`: the scheduler (Quartz, clustered) and the REST API on 127.0.0.1 until the
     * process is stopped (Ctrl-C or SIGTERM close it cleanly).
     */
    static int serve(Class<?> application, Invocation invocation) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .run(args(invocation, "--spring.quartz.auto-startup=true", "--spring.main.web-application-type=servlet",
                        "--thidua.serve=true"));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        var env = context.getEnvironment();
        String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String address = env.getProperty("server.address", "127.0.0.1");
        String base = scheme + "://" + (address.contains(":") ? "[" + address + "]" : address) + ":"
                + env.getProperty("local.server.port");
        System.out.println("serve: scheduler started; console " + base + "/ ; API " + base + "/api");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("serve: stopped");
        return ExitCode.COMPLETED.code();
    }

    /** The data dir, the caller's Spring properties (they win over thidua's defaults), then {@code more}. */
    private static String[] args(Invocation invocation, String... more) {
        List<String> args = new ArrayList<>();
        args.add("--thidua.data-dir=" + invocation.dataDir());
        args.addAll(List.of(more));
        args.addAll(invocation.springArgs());
        return args.toArray(String[]::new);
    }

    /**
     * Runs one command line and returns its exit code ({@link ExitCode}).
     *
     * @param application the Spring Boot application to start, handed in by it
     *                    ({@code ThiduaApplication.run}): this module sits below it
     */
    public static int run(Class<?> application, String[] args) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (Invocation.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Invocation.USAGE);
            return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? ExitCode.COMPLETED.code() : ExitCode.REFUSED.code();
        }
        if (invocation.command().equals("serve")) {
            return serve(application, invocation);
        }
        // Spring's own hook would close the context under the running job (exit 143, nothing printed,
        // the execution left STARTED): this one stops the job first and lets the command end.
        ConfigurableApplicationContext context;
        try {
            context = start(application, invocation);
        } catch (RuntimeException e) {
            return failedToStart(invocation, e);
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopper = new Thread(() -> stopGently(context, finished), "thidua-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return context.getBean(Commands.class).execute(invocation);
        } catch (RuntimeException e) {
            return failed(invocation, e);
        } finally {
            context.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook is waiting for this.
            }
        }
    }

    /**
     * The application of a command other than {@code serve}: no web server, no scheduler, and only
     * the beans the command uses are made (lazy beans; not the console's, the API's or the
     * scheduler's), while the database and its migrations still start with it
     * ({@code database.MigrationsAtStart}); the embedded database starts beside Spring's own start
     * ({@link EarlyStart}).
     */
    static ConfigurableApplicationContext start(Class<?> application, Invocation invocation) {
        // Boot's warm-up of JSON, Tomcat and message converters on another thread: serve's, not a command's.
        if (System.getProperty(NO_BACKGROUND_WARM_UP) == null) {
            System.setProperty(NO_BACKGROUND_WARM_UP, "true");
        }
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .properties("spring.autoconfigure.exclude=" + String.join(",", NOT_FOR_COMMANDS))
                .registerShutdownHook(false)
                .listeners(new ConsoleLog(), new EarlyStart())
                .run(args(invocation));
    }

    /**
     * A command that could not run to its end: one sentence on the console (a {@link Failure}'s
     * own, or what happened to the database), the stack trace in the log file only.
     */
    private static int failed(Invocation invocation, RuntimeException e) {
        Failure said = Failure.in(e);
        if (said == null && !DatabaseLost.causes(e)) {
            throw e;
        }
        ConsoleLog.TRACE.error("{} failed", invocation.command(), e);
        System.out.println(said != null ? said.getMessage()
                : invocation.command() + ": không kết nối được tới cơ sở dữ liệu (" + rootMessage(e)
                + "); kiểm tra máy chủ PostgreSQL rồi chạy lại lệnh");
        return ExitCode.FAILED.code();
    }

    /**
     * A command whose application could not start (a setting that cannot be used, most often):
     * one sentence on the console, saying which setting when Spring says it, never a class
     * name; the exception goes to the log file.
     */
    private static int failedToStart(Invocation invocation, RuntimeException e) {
        if (Failure.in(e) != null || DatabaseLost.causes(e)) {
            return failed(invocation, e);
        }
        ConsoleLog.TRACE.error("{} could not start", invocation.command(), e);
        System.out.println(invocation.command() + ": không khởi động được vì " + startProblem(e)
                + "; chi tiết trong tệp thidua.log của thư mục dữ liệu");
        return ExitCode.FAILED.code();
    }

    /** What kept the application from starting, in words: the setting Spring could not bind, if it says. */
    private static String startProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException bind) {
                ConfigurationProperty property = bind.getProperty();
                return property != null
                        ? "giá trị \"" + LogText.escape(String.valueOf(property.getValue())) + "\" của thiết lập "
                                + property.getName() + " không dùng được"
                        : "thiết lập " + bind.getName() + " không hợp lệ";
            }
        }
        return "thiết lập không hợp lệ hoặc một phần của hệ thống không dùng được";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /**
     * On SIGTERM (or Ctrl-C): asks the running jobs to stop at their next chunk boundary
     * (an import between two files), then waits for the command to print its summary and
     * close the context; with no job running, closes the context as Spring would have.
     */
    private static void stopGently(ConfigurableApplicationContext context, CountDownLatch finished) {
        if (finished.getCount() == 0) {
            return;
        }
        int asked;
        try {
            asked = context.getBean(BatchRuns.class).stopRunningHere();
        } catch (RuntimeException e) {
            asked = 0;
        }
        try {
            if (asked == 0 || !finished.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                context.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
