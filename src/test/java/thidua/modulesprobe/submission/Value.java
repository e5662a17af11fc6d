package thidua.modulesprobe.submission;

import thidua.modulesprobe.scoring.Score;

/** A reported value that knows its score: submission → scoring, closing the cycle. */
public record Value(String indicator, Score score) {
}
