package thidua.batch;

/** A request that clashes with the state of things (a rerun of something running, of an accepted file): HTTP 409. */
public class Conflict extends BadRequest {
    public Conflict(String message) {
        super(message);
    }
}
