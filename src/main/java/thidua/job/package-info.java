/** What every batch job shares: its summary for the caller, one log line per step, the process that owns its executions. */
package thidua.job;
