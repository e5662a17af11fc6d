/** Reading untrusted .xlsx workbooks safely: limits and pre-checks, typed cells, tables, findings with their cell. */
package thidua.workbook;
