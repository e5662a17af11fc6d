/** Period-end consolidation: the consolidate job, scoring every unit, writing the outputs, recording the standings. */
package thidua.consolidation;
