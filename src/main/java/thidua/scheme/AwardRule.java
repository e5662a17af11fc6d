package thidua.scheme;

/** A row of `Khen thưởng`: award {@code title} for rank ≤ {@code maxRank} with at least {@code minGrade}. */
public record AwardRule(String title, int maxRank, String minGrade) {
}
