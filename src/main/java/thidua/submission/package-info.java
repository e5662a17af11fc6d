/** Unit reports: read and examined against the scheme, filed, stored with their findings; the import, rerun and upload jobs. */
package thidua.submission;
