/** The default database: an embedded PostgreSQL under the data dir, unless an external one is configured. */
package thidua.database;
