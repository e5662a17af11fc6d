/** The scheme of criteria (periods, blocks, units, indicators, criteria, rules): read from its workbook, checked, stored, versioned. */
package thidua.scheme;
