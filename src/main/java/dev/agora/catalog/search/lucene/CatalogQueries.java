package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what someone typed into a ranked Lucene query. No query syntax is parsed: the text is only split into
 * words, so quotes, backslashes, {@code &|!:*} or SQL fragments are just characters. Each word must match some
 * field (weighted), a word the index does not know is matched with typos allowed (one edit for 4 to 7
 * letters, two from 8), the last word also as a prefix of a name word, and the exact name scores highest.
 */
final class CatalogQueries {

    static final int MAX_WORDS = 12;
    /** How many indexed words a misspelt one may stand for, per field. */
    private static final int MAX_EXPANSIONS = 30;
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float PREFIX_WEIGHT = 2.5f;
    private static final float EXACT_NAME_WEIGHT = 30f;

    private final Analyzer queryAnalyzer = CatalogAnalyzers.queryText();
    private final Analyzer prefixAnalyzer = CatalogAnalyzers.prefixQuery();

    /** The words of the text as the index holds them. */
    List<String> words(String text) {
        return analyze(queryAnalyzer, text);
    }

    /** The text query; {@code everyWord} demands each word, otherwise any word will do. */
    Query text(String text, IndexReader reader, boolean everyWord) throws IOException {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        List<String> raw = analyze(prefixAnalyzer, text);
        String lastRaw = raw.isEmpty() ? null : raw.get(raw.size() - 1);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            query.add(word(words.get(i), last ? lastRaw : null, reader), everyWord ? Occur.MUST : Occur.SHOULD);
        }
        query.add(new BoostQuery(new TermQuery(new Term(IndexFields.NAME_EXACT, IndexFields.exactName(text))),
                EXACT_NAME_WEIGHT), Occur.SHOULD);
        return query.build();
    }

    private Query word(String word, String typedPrefix, IndexReader reader) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        boolean known = false;
        for (String field : IndexFields.SEARCHED) {
            Term term = new Term(field, word);
            alternatives.add(new BoostQuery(new TermQuery(term), IndexFields.WEIGHTS.get(field)));
            known = known || reader.docFreq(term) > 0;
        }
        int edits = allowedEdits(word);
        if (!known && edits > 0) {
            for (String field : IndexFields.FUZZY) {
                alternatives.add(new BoostQuery(new FuzzyQuery(new Term(field, word), edits, 1, MAX_EXPANSIONS, true),
                        IndexFields.WEIGHTS.get(field) * FUZZY_WEIGHT));
            }
        }
        if (typedPrefix != null && typedPrefix.length() >= 2 && typedPrefix.length() <= CatalogAnalyzers.MAX_PREFIX) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(IndexFields.NAME_PREFIX, typedPrefix)),
                    PREFIX_WEIGHT));
        }
        // tie-breaker 0: a word scores by its best field, which lets Lucene skip documents that cannot make the page
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** Typos allowed in a word: none for short words, where one letter changes the meaning. */
    static int allowedEdits(String word) {
        int length = word.codePointCount(0, word.length());
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }

    /**
     * What the searcher may not find (see {@link Visibility}), as exclusions: deprecated products unless wanted,
     * drafts of other teams unless the searcher is an administrator. Excluding the few keeps the query free of a
     * filter that matches nearly every product, so that ranking can skip what cannot make the page.
     */
    static List<Query> hidden(SearchQuery search) {
        Visibility visibility = search.visibility();
        List<Query> hidden = new ArrayList<>();
        if (!search.wantsDeprecated()) {
            hidden.add(status("DEPRECATED"));
        }
        if (!visibility.admin()) {
            BooleanQuery.Builder othersDrafts = new BooleanQuery.Builder().add(status("DRAFT"), Occur.FILTER);
            visibility.teams().forEach(team ->
                    othersDrafts.add(new TermQuery(new Term(IndexFields.TEAM_FILTER, team)), Occur.MUST_NOT));
            hidden.add(othersDrafts.build());
        }
        return hidden;
    }

    /** The text query narrowed to what the searcher may find. */
    static Query visibleOnly(Query text, SearchQuery search) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        hidden(search).forEach(excluded -> query.add(excluded, Occur.MUST_NOT));
        return query.build();
    }

    private static Query status(String status) {
        return new TermQuery(new Term(IndexFields.STATUS_FILTER, status));
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < MAX_WORDS) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return tokens;
    }
}
