/** Files sent through the console or the API: size-checked, sniffed, staged and run through the upload job. */
package thidua.upload;
