/**
 * A test-only fixture for ModulesTest: two modules that depend on each other, the shape of the
 * submission ↔ scoring cycle thidua once had. The module check must refuse it.
 */
package thidua.modulesprobe;
