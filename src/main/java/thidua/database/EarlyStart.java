package thidua.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import thidua.database.EmbeddedPostgresConfig.EmbeddedServer;

/**
 * Starts the embedded PostgreSQL of a command on another thread as soon as the command's settings
 * are known, while Spring reads and builds the rest of the application: the server is up (or being
 * joined) by the time the data source asks for it, instead of after. The server is the same one,
 * started the same way ({@link EmbeddedPostgresConfig#startOrJoin}); a failure to start it is
 * reported where it was before, when the application asks for the server. A server this class
 * started that no application took (the application failed first) is stopped.
 */
public final class EarlyStart implements ApplicationListener<ApplicationEvent> {
    private static final Map<Path, CompletableFuture<EmbeddedServer>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
            STARTING.values().removeIf(pending -> {
                stopWhenStarted(pending);
                return true;
            });
        }
    }

    private static void begin(ConfigurableEnvironment env) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return; // an external database (NoExternalDatabase)
        }
        Path dataDir = Binder.get(env).bind("thidua.data-dir", Path.class).orElse(Path.of("data"));
        Path pgData = EmbeddedPostgresConfig.pgData(dataDir);
        STARTING.computeIfAbsent(pgData, dir -> {
            CompletableFuture<EmbeddedServer> pending = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    pending.complete(EmbeddedPostgresConfig.startOrJoin(dir));
                } catch (RuntimeException | Error e) {
                    pending.completeExceptionally(e);
                }
            }, "thidua-postgres-start");
            starter.setDaemon(true);
            starter.start();
            return pending;
        });
    }

    /** The server started early for {@code pgData}, waited for; null when none was started. */
    static EmbeddedServer take(Path pgData) {
        CompletableFuture<EmbeddedServer> pending = STARTING.remove(pgData);
        if (pending == null) {
            return null;
        }
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits for a server still starting (a first start runs initdb: seconds) and stops it: the
     * command ends at once after a failed start, and a daemon thread left to stop it later would
     * die with the JVM, leaving the server running.
     */
    private static void stopWhenStarted(CompletableFuture<EmbeddedServer> pending) {
        try {
            stop(pending.get(2, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
            // it never started
        } catch (TimeoutException e) {
            pending.thenAccept(EarlyStart::stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(EarlyStart::stop);
        }
    }

    private static void stop(EmbeddedServer server) {
        try {
            server.close();
        } catch (IOException e) {
            // nothing more to do: the application failed already, with its own reason
        }
    }
}
