package dev.agora.catalog.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How catalog text becomes terms. Indexing splits identifiers ("order_id", "customerEmail") into their words
 * while keeping the whole, folds accents and case and removes English plurals; queries get the same treatment
 * without the split, so "order_id" matches the identifier and "order" matches its part.
 */
final class CatalogAnalyzers {

    static final int MAX_PREFIX = 20;

    private CatalogAnalyzers() {
    }

    /** For the text fields of the index: names, tags, descriptions, columns. */
    static Analyzer indexText() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new WordDelimiterGraphFilter(source,
                        WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                                | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
                                | WordDelimiterGraphFilter.PRESERVE_ORIGINAL, null);
                stream = new FlattenGraphFilter(stream);
                return new TokenStreamComponents(source, normalise(stream));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** For the words of a query, and for highlighting what they matched. */
    static Analyzer queryText() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, normalise(source));
            }
        };
    }

    /** Every prefix of every word of a name, for search as you type. */
    static Analyzer namePrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(stream, 1, MAX_PREFIX, true));
            }
        };
    }

    /** A typed prefix as the prefix field holds it: lower case, accents folded. */
    static Analyzer prefixQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    private static TokenStream normalise(TokenStream stream) {
        return new EnglishMinimalStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(stream)));
    }
}
