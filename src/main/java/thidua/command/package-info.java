/** The command line: parses a command, starts the application on the chosen data dir, prints its outcome, exits with its code. */
package thidua.command;
