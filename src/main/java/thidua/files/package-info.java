/** Files: put in place safely, never half-written nor overwritten (SafeFiles), and known by their bytes (Sha256). */
package thidua.files;
