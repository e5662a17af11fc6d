/** Where each unit's report stands for a period: the board of the console and the API, and the `status` command's report. */
package thidua.status;
