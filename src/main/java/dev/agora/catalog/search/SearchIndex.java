package dev.agora.catalog.search;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The search engine behind the catalog. PostgreSQL stays the source of truth; an index can always be rebuilt
 * from it. Implemented on an embedded Lucene index; an OpenSearch adapter would implement the same.
 */
public interface SearchIndex {

    SearchResult search(SearchQuery query);

    List<Suggestion> suggest(String prefix, Visibility visibility, int limit);

    /** Adds or replaces these products and records how far the index now follows the catalog. */
    void apply(Collection<IndexedProduct> changed, Checkpoint checkpoint);

    /** Replaces the whole index with these products. */
    void rebuild(Iterator<IndexedProduct> everything, Checkpoint checkpoint);

    /** How far the index follows the catalog; empty when it is new or unreadable. */
    Optional<Checkpoint> checkpoint();

    long size();
}
