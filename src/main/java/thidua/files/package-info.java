/** Files known by their bytes: the one SHA-256 helper. */
package thidua.files;
