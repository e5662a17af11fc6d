package thidua.delivery;

/**
 * Where a delivery's e-mail stands, as stored in {@code delivery.email_status} (the name;
 * null for an outbox-only delivery): PENDING to be sent (again), SENDING claimed by a
 * sender, SENT accepted by the SMTP server.
 */
enum EmailStatus {
    PENDING, SENDING, SENT
}
