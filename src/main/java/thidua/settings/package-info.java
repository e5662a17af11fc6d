/** thidua's own settings ({@code thidua.*}) as one typed record, with today's defaults. */
package thidua.settings;
