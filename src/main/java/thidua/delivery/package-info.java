/**
 * Delivering a consolidation's outputs to recipients (versioned outbox folders and e-mail,
 * each changed file once) and the error report of a rejected file to its unit (its outbox
 * folder and e-mail, once).
 */
package thidua.delivery;
