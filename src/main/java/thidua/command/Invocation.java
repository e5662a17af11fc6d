package thidua.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed command line: the command and its `--name value` options, checked against what the command takes. */
public record Invocation(String command, Map<String, String> options) {

    /** Each command and the options it requires; every command also takes --data-dir. */
    static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("scheme", List.of("file"));
        COMMANDS.put("import", List.of("inbox"));
        COMMANDS.put("consolidate", List.of("period", "out"));
        COMMANDS.put("run", List.of("scheme", "inbox", "period", "out"));
        COMMANDS.put("status", List.of());
        COMMANDS.put("rerun", List.of());
        COMMANDS.put("serve", List.of());
    }

    /** Options a command may take besides its required ones and --data-dir. */
    static final Map<String, List<String>> OPTIONAL = Map.of(
            "status", List.of("period"),
            "rerun", List.of("import", "execution"));

    static final String USAGE = """
            Cách dùng (usage):
              java -jar target/thidua.jar scheme --file SCHEME.xlsx
              java -jar target/thidua.jar import --inbox DIR
              java -jar target/thidua.jar consolidate --period P --out DIR
              java -jar target/thidua.jar run --scheme SCHEME.xlsx --inbox DIR --period P --out DIR
              java -jar target/thidua.jar status [--period P]
              java -jar target/thidua.jar rerun --import ID        (kiểm tra lại một tệp bị trả lại)
              java -jar target/thidua.jar rerun --execution ID     (chạy tiếp một lần chạy bị lỗi)
              java -jar target/thidua.jar serve                    (lịch chạy, API trên 127.0.0.1)
            Mọi lệnh nhận thêm --data-dir DIR (mặc định ./data): nơi giữ cơ sở dữ liệu PostgreSQL nhúng.
            Mã thoát: 0 hoàn tất; 1 công việc lỗi; 2 sai cú pháp hoặc bộ tiêu chí bị từ chối.""";

    public static Invocation parse(String[] args) throws UsageException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            throw new UsageException("");
        }
        String command = args[0];
        List<String> required = COMMANDS.get(command);
        if (required == null) {
            throw new UsageException("Lệnh không có: " + command);
        }
        Set<String> allowed = new java.util.HashSet<>(required);
        allowed.add("data-dir");
        allowed.addAll(OPTIONAL.getOrDefault(command, List.of()));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Tham số thừa: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("Thiếu giá trị cho --" + name);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Lệnh " + command + " không nhận --" + name);
            }
            if (value.isBlank()) {
                throw new UsageException("--" + name + " không được để trống");
            }
            options.put(name, value);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new UsageException("Lệnh " + command + " cần --" + name);
            }
        }
        if (command.equals("rerun")) {
            if (options.containsKey("import") == options.containsKey("execution")) {
                throw new UsageException("Lệnh rerun cần đúng một trong --import ID hoặc --execution ID");
            }
            String id = options.containsKey("import") ? options.get("import") : options.get("execution");
            if (!id.matches("\\d{1,18}")) {
                throw new UsageException("Mã phải là một số: " + id);
            }
        }
        return new Invocation(command, options);
    }

    public String option(String name) {
        return options.get(name);
    }

    public String dataDir() {
        return options.getOrDefault("data-dir", "data");
    }

    /** Bad usage: exit code 2, with the reason and the usage text. */
    public static class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
