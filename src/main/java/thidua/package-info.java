/** thidua: emulation-movement bookkeeping; each top-level package is a module, dependencies point down (docs/architecture.md). */
package thidua;
