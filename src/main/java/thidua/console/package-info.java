/** The web console: server-rendered pages for each role over the same services the API uses. */
package thidua.console;
