/** The REST API under /api (JSON): imports and their files, uploads, job executions and restarts, period status, consolidation, outputs. */
package thidua.api;
