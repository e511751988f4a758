package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.IndexedProduct;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/** The fields of a product document, their weights in ranking, and how a product becomes a document. */
final class IndexFields {

    static final String KEY = "key";
    static final String SLUG = "slug";
    static final String NAME = "name";
    static final String NAME_EXACT = "name_exact";
    static final String NAME_PREFIX = "name_prefix";
    static final String NAME_SORT = "name_sort";
    static final String TAGS = "tags";
    static final String DOMAIN = "domain_text";
    static final String TEAM = "team_text";
    static final String DESCRIPTION = "description";
    static final String COLUMNS = "columns";
    static final String COLUMN_DESCRIPTIONS = "column_descriptions";
    static final String SORT_TIME = "sort_time";
    static final String STATUS_FILTER = "f_status";
    static final String TEAM_FILTER = "f_team";
    static final String STORED_DOMAIN = "s_domain";
    static final String STORED_TEAM = "s_team";
    static final String STORED_CLASSIFICATION = "s_classification";
    static final String STORED_STATUS = "s_status";
    static final String STORED_TAG = "s_tag";
    /** The quality a product ranks by, in hundredths of a point (unchecked products neutral), see QualityBoost. */
    static final String QUALITY_RANK = "quality_rank";
    /** The quality score as recorded, only for products that have one. */
    static final String STORED_QUALITY_SCORE = "s_quality_score";
    static final String STORED_FAILING_RULES = "s_failing_rules";

    /** Ranking weights: the name above tags and domain, above description, above columns. */
    static final Map<String, Float> WEIGHTS = Map.of(
            NAME, 6f,
            TAGS, 3f,
            DOMAIN, 3f,
            TEAM, 2.5f,
            DESCRIPTION, 1.5f,
            COLUMNS, 1.2f,
            COLUMN_DESCRIPTIONS, 0.7f);

    static final List<String> SEARCHED = List.of(NAME, TAGS, DOMAIN, TEAM, DESCRIPTION, COLUMNS, COLUMN_DESCRIPTIONS);

    /** Where typos are forgiven: the fields people name things by (domains and teams are few and known). */
    static final List<String> FUZZY = List.of(NAME, TAGS, DESCRIPTION, COLUMNS);

    /** Each product falls in one of these buckets (by id), so that a fixed share of any result can be sampled. */
    static final String SAMPLE_BUCKET = "sample_bucket";
    static final int SAMPLE_BUCKETS = 64;

    /**
     * Version of the document layout: an index written with another one is rebuilt from PostgreSQL, since Lucene
     * refuses to mix index options of one field or change the index sort. 2: offsets in the postings of the
     * highlighted fields; 3: documents sorted by sample bucket; 4: the quality standing (rank doc
     * values and stored score), so that documents written before carry it too.
     */
    static final String LAYOUT = "4";

    /**
     * Segments keep their documents in sample-bucket order, so that a bucket is one run of documents: a sample
     * then reads a slice of each posting list instead of decoding nearly all of it to pick every 64th match.
     */
    static final Sort INDEX_ORDER = new Sort(new SortField(SAMPLE_BUCKET, SortField.Type.INT));

    /**
     * The fields snippets are cut from keep their words' offsets in the postings, so that highlighting reads
     * them instead of analysing the stored text of every hit again (several times cheaper per page).
     */
    private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

    private IndexFields() {
    }

    private static FieldType highlightedText() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Spreads ids evenly over the sample buckets, whatever pattern the ids follow. */
    static long mix(long id) {
        long x = id * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 31);
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Facet.TAG.parameter(), true);
        config.setMultiValued(Facet.TYPE.parameter(), true);
        return config;
    }

    static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(CatalogAnalyzers.indexText(),
                Map.of(NAME_PREFIX, CatalogAnalyzers.namePrefixes()));
    }

    static String exactName(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static Document toDocument(IndexedProduct product, FacetsConfig config) throws java.io.IOException {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(product.id()), Field.Store.YES));
        doc.add(new StoredField(SLUG, product.slug()));
        doc.add(new TextField(NAME, product.name(), Field.Store.YES));
        doc.add(new StringField(NAME_EXACT, exactName(product.name()), Field.Store.NO));
        doc.add(new TextField(NAME_PREFIX, product.name(), Field.Store.NO));
        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(exactName(product.name()))));
        for (String tag : product.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
            doc.add(new StoredField(STORED_TAG, tag));
            doc.add(new SortedSetDocValuesFacetField(Facet.TAG.parameter(), tag));
        }
        doc.add(new TextField(DOMAIN, product.domain() + " " + product.domainName(), Field.Store.NO));
        doc.add(new TextField(TEAM, product.ownerTeam() + " " + product.ownerTeamName(), Field.Store.NO));
        doc.add(new Field(DESCRIPTION, product.description(), HIGHLIGHTED_TEXT));
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (IndexedProduct.Column column : product.columns()) {
            names.add(column.name());
            if (!column.description().isBlank()) {
                descriptions.add(column.name() + ": " + column.description());
            }
        }
        doc.add(new Field(COLUMNS, String.join(" ", names), HIGHLIGHTED_TEXT));
        doc.add(new Field(COLUMN_DESCRIPTIONS, String.join("\n", descriptions), HIGHLIGHTED_TEXT));
        doc.add(new NumericDocValuesField(SORT_TIME, product.sortTime().toEpochMilli()));
        // points beside the doc values let "newest first" skip what cannot make the page
        doc.add(new org.apache.lucene.document.LongPoint(SORT_TIME, product.sortTime().toEpochMilli()));
        int bucket = (int) Math.floorMod(mix(product.id()), SAMPLE_BUCKETS);
        doc.add(new org.apache.lucene.document.IntPoint(SAMPLE_BUCKET, bucket));
        doc.add(new NumericDocValuesField(SAMPLE_BUCKET, bucket));
        doc.add(new NumericDocValuesField(QUALITY_RANK, QualityBoost.indexed(product.qualityScore())));
        if (product.qualityScore() != null) {
            doc.add(new StoredField(STORED_QUALITY_SCORE, product.qualityScore()));
        }
        doc.add(new StoredField(STORED_FAILING_RULES, product.failingRules()));
        doc.add(new StringField(STATUS_FILTER, product.status(), Field.Store.NO));
        doc.add(new StringField(TEAM_FILTER, product.ownerTeam(), Field.Store.NO));
        doc.add(new StoredField(STORED_DOMAIN, product.domain()));
        doc.add(new StoredField(STORED_TEAM, product.ownerTeam()));
        doc.add(new StoredField(STORED_CLASSIFICATION, product.classification()));
        doc.add(new StoredField(STORED_STATUS, product.status()));
        doc.add(new SortedSetDocValuesFacetField(Facet.DOMAIN.parameter(), product.domain()));
        doc.add(new SortedSetDocValuesFacetField(Facet.TEAM.parameter(), product.ownerTeam()));
        doc.add(new SortedSetDocValuesFacetField(Facet.CLASSIFICATION.parameter(), product.classification()));
        doc.add(new SortedSetDocValuesFacetField(Facet.STATUS.parameter(), product.status()));
        Set<String> types = new LinkedHashSet<>(product.portTypes());
        for (String type : types) {
            doc.add(new SortedSetDocValuesFacetField(Facet.TYPE.parameter(), type));
        }
        return config.build(doc);
    }
}
