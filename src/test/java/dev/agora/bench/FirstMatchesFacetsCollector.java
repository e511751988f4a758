package dev.agora.bench;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;

/**
 * A fix candidate for broad queries: collects facet matches only until about {@code limit} matches in all, each
 * segment giving its share by size, and estimates from how far into each segment it got how many documents
 * match in all. Documents are in the order they were indexed, which has nothing to do with their words, so the
 * first matches of a segment are a fair sample of all its matches; counts are then scaled by
 * {@link #scale()}. Costs ~limit matches instead of all of them (a common word matches 60 % of the catalog).
 */
final class FirstMatchesFacetsCollector extends FacetsCollector {

    private final int limit;
    private final int maxDocs;
    private int leafLimit;
    private int leafMaxDoc;
    private int inLeaf;
    private double estimatedTotal;
    private long collected;
    private boolean leafCut;

    FirstMatchesFacetsCollector(int limit, int maxDocs) {
        this.limit = limit;
        this.maxDocs = Math.max(1, maxDocs);
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        closeLeaf(leafMaxDoc);
        super.doSetNextReader(context);
        leafMaxDoc = context.reader().maxDoc();
        leafLimit = (int) Math.max(1, (long) limit * leafMaxDoc / maxDocs);
        inLeaf = 0;
        leafCut = false;
    }

    @Override
    public void collect(int doc) throws IOException {
        super.collect(doc);
        inLeaf++;
        if (inLeaf >= leafLimit) {
            closeLeaf(doc + 1);
            leafCut = true;
            throw new CollectionTerminatedException();
        }
    }

    @Override
    public void finish() throws IOException {
        super.finish();
        if (!leafCut) {
            closeLeaf(leafMaxDoc);
            leafCut = true;
        }
    }

    private void closeLeaf(int coveredDocs) {
        if (leafMaxDoc == 0 || leafCut) {
            return;
        }
        collected += inLeaf;
        estimatedTotal += coveredDocs <= 0 ? 0 : inLeaf * ((double) leafMaxDoc / coveredDocs);
        leafCut = true;
    }

    /** Estimated number of matching documents in all (exact when no segment was cut short). */
    long estimatedTotal() {
        return Math.round(estimatedTotal);
    }

    /** What to multiply the counted facet values by. */
    double scale() {
        return collected == 0 ? 1 : estimatedTotal / collected;
    }
}
