/** The output and error-report writers: scoring table, summary, PDF report, and the annotated copy of a rejected submission. */
package thidua.report;
