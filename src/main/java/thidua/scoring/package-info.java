/** The rules of SCORING.md as pure functions: criterion scores, roll-ups, ranking and grades of a period. */
package thidua.scoring;
