/** Delivering a consolidation's outputs to recipients: versioned outbox folders and e-mail, each changed file once. */
package thidua.delivery;
