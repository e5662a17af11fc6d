/** Running the jobs on request, the one door for the entry points: launches, executions and their restart, imports and outputs as a signed-in person reaches them. */
package thidua.batch;
