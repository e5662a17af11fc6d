package thidua.modulesprobe.scoring;

import thidua.modulesprobe.submission.Value;

/** Scores a reported value: scoring → submission. */
public record Score(Value value) {
}
