package dev.agora.catalog.search.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Quality as a ranking signal (ADR 0015): the relevance of a product is multiplied by
 * {@code 1 + WEIGHT × (quality − 50) / 50}, where quality is its score 0–100 and an unchecked product counts as
 * the neutral 50. The factor stays within [0.95, 1.05], so it reorders only results whose relevance lies within
 * about 10 % of each other; a clearly better match keeps its place.
 *
 * <p>Not Lucene's {@code FunctionScoreQuery}: that one reports an unbounded maximum score, which switches off the
 * skipping of documents that cannot make the page (ADR 0005's block-max WAND). Since the factor is bounded, this
 * query passes on the wrapped query's maximum times the largest factor, and a competitive threshold divided by it.
 */
final class QualityBoost extends Query {

    /** How far quality may move a score: ±5 %. */
    static final double WEIGHT = 0.05;
    /** The quality an unchecked product ranks as: neither rewarded nor punished. */
    static final double NEUTRAL = 50;
    static final float LARGEST_FACTOR = (float) (1 + WEIGHT);
    /** Quality is kept in the index as hundredths of a point, the precision of data_product_quality.score. */
    static final long SCALE = 100;

    private final Query ranked;

    QualityBoost(Query ranked) {
        this.ranked = Objects.requireNonNull(ranked);
    }

    /** The factor for a quality score; null (never checked) is neutral, and out-of-range values are clamped. */
    static double factor(Double quality) {
        double q = quality == null || quality.isNaN() ? NEUTRAL : Math.max(0, Math.min(100, quality));
        return 1 + WEIGHT * (q - NEUTRAL) / NEUTRAL;
    }

    /** The value kept in the doc-values field of a product document. */
    static long indexed(Double quality) {
        double q = quality == null || quality.isNaN() ? NEUTRAL : Math.max(0, Math.min(100, quality));
        return Math.round(q * SCALE);
    }

    private static float factorOf(NumericDocValues qualities, int doc) throws IOException {
        double q = qualities.advanceExact(doc) ? (double) qualities.longValue() / SCALE : NEUTRAL;
        return (float) factor(q);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = ranked.rewrite(searcher);
        return rewritten == ranked ? this : new QualityBoost(rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = ranked.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return inner;
        }
        return new FilterWeight(this, inner) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = scorerSupplier(context);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(context);
                if (supplier == null) {
                    return null;
                }
                Weight weight = this;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        NumericDocValues qualities = DocValues.getNumeric(context.reader(), IndexFields.QUALITY_RANK);
                        return boosted(supplier.get(leadCost), weight, qualities);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        // lets the wrapped term scorers skip by their impacts, as they would unwrapped
                        supplier.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation relevance = in.explain(context, doc);
                if (!relevance.isMatch()) {
                    return relevance;
                }
                NumericDocValues qualities = DocValues.getNumeric(context.reader(), IndexFields.QUALITY_RANK);
                float factor = factorOf(qualities, doc);
                return Explanation.match(relevance.getValue().floatValue() * factor, "relevance × quality factor",
                        relevance, Explanation.match(factor, "quality factor"));
            }
        };
    }

    private static Scorer boosted(Scorer scorer, Weight weight, NumericDocValues qualities) {
        return new FilterScorer(scorer, weight) {
            private int factorDoc = -1;
            private float factor = 1f;

            @Override
            public float score() throws IOException {
                int doc = in.docID();
                if (doc != factorDoc) {
                    // doc values are read forwards only; a score asked twice reuses the factor
                    factor = factorOf(qualities, doc);
                    factorDoc = doc;
                }
                return in.score() * factor;
            }

            @Override
            public int advanceShallow(int target) throws IOException {
                return in.advanceShallow(target);
            }

            @Override
            public float getMaxScore(int upTo) throws IOException {
                return in.getMaxScore(upTo) * LARGEST_FACTOR;
            }

            @Override
            public void setMinCompetitiveScore(float minScore) throws IOException {
                // a document below this before its factor cannot reach it after; rounding down stays safe
                in.setMinCompetitiveScore(Math.nextDown(minScore / LARGEST_FACTOR));
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        ranked.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "quality(" + ranked.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ranked.equals(((QualityBoost) other).ranked);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + ranked.hashCode();
    }
}
