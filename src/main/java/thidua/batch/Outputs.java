package thidua.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import thidua.access.AuditLog;
import thidua.consolidation.ConsolidateParameters;
import thidua.consolidation.ConsolidationJobConfig;
import thidua.download.Download;
import thidua.files.FolderSet;
import thidua.settings.ThiduaProperties;
import thidua.text.Labels;

/**
 * The outputs in the configured output folder ({@code thidua.out-dir}) and consolidation
 * on request into it, the one way the console and the API both use: a caller never names
 * a folder, and a file is found among the listed ones by name, never by a path built from
 * the request.
 */
@Service
public class Outputs {
    private final Path outRoot;
    private final BatchRuns runs;
    private final AuditLog audit;

    public Outputs(ThiduaProperties settings, BatchRuns runs, AuditLog audit) {
        this.outRoot = settings.outDir().toAbsolutePath().normalize();
        this.runs = runs;
        this.audit = audit;
    }

    /** One output file: the period folder it is in and its name. */
    public record Output(String period, String file, long size, Instant modified) {
    }

    /** Every output, by period then name. */
    public List<Output> list() {
        if (!Files.isDirectory(outRoot)) {
            return List.of();
        }
        // A period folder is a plain folder or a link to its current version (FolderSet); hidden versions are not listed.
        try (Stream<Path> periods = Files.list(outRoot)) {
            return periods.filter(p -> !p.getFileName().toString().startsWith("."))
                    .flatMap(p -> FolderSet.current(p).stream().flatMap(dir -> filesIn(p.getFileName().toString(), dir)))
                    .sorted(Comparator.comparing(Output::period).thenComparing(Output::file))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Không đọc được thư mục kết quả", e);
        }
    }

    private static Stream<Output> filesIn(String period, Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> new Output(period, p.getFileName().toString(),
                            p.toFile().length(), Instant.ofEpochMilli(p.toFile().lastModified())))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Output> of(String period) {
        return list().stream().filter(o -> o.period().equals(period)).toList();
    }

    public Optional<Output> find(String period, String file) {
        return list().stream().filter(o -> o.period().equals(period) && o.file().equals(file)).findFirst();
    }

    /** The file of a listed output, its download audited ({@code DOWNLOAD_OUTPUT}). */
    public Download download(Output output, String login, String address) {
        audit.record(login, "DOWNLOAD_OUTPUT", output.period() + "/" + output.file(), null, address);
        return new Download(outRoot.resolve(output.period()).resolve(output.file()), output.file());
    }

    /**
     * Consolidates a period now into the configured folder and audits it ({@code CONSOLIDATE});
     * {@link Conflict} when one is running for it, {@link BadRequest} for a malformed or unknown period.
     */
    public RunResult consolidateNow(String period, String login, String address) throws BadRequest {
        String code = Labels.code(period);
        if (!code.matches("[A-Z0-9._-]{1,40}")) {
            throw new BadRequest("mã kỳ báo cáo không hợp lệ");
        }
        if (runs.running(ConsolidationJobConfig.JOB, ConsolidateParameters.PERIOD, code)) {
            throw new Conflict("kỳ " + code + " đang được tổng hợp");
        }
        RunResult result = runs.consolidate(code, outRoot);
        audit.record(login, "CONSOLIDATE", "kỳ " + code, RunText.outcome(result), address);
        return result;
    }
}
