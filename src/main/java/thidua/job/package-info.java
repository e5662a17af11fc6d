/** What every batch job shares: its summary for the caller and its exit code (ExitCode), one log line per step, the process that owns its executions. */
package thidua.job;
