/** A stored file handed to a person as an attachment, the one way the console and the API send one. */
package thidua.download;
