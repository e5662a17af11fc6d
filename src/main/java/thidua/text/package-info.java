/** How labels and codes typed by people are compared and shown (FORMATS.md): cleaned, case and diacritics ignored. */
package thidua.text;
